import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { AGENCY_HANDOVER_WORKING_DAYS } from '@shared/domain/cases/deadline';
import { Link, useNavigate } from 'react-router';
import { casePrintPath } from '../CasePrint';
import { useHandOver } from './use-case-action';

interface AgencyFiledPanelProps {
  filed: CaseDetail;
  /** Clears the page for the next resident. */
  onNext: () => void;
}

/**
 * What the agent sees once the case is saved: its number, the hand-off limit, and what next; first
 * the 代办受理凭证 for the resident to take home.
 */
export function AgencyFiledPanel({ filed, onNext }: AgencyFiledPanelProps) {
  const navigate = useNavigate();
  const handOver = useHandOver();
  const missing = filed.materials.filter((m) => m.required && m.status === 'missing');

  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" title="代办件已保存" role="status">
        <Stack gap={4}>
          <Text>案件编号：{filed.caseNo}</Text>
          <Text>申请人：{filed.applicantName}</Text>
          <Text>事项：{filed.itemName}</Text>
          <Text fw={700}>
            请于 {filed.handoffDueDate} 前移交乡镇（街道）（收件后 {AGENCY_HANDOVER_WORKING_DAYS}{' '}
            个工作日内）
          </Text>
          {missing.length > 0 ? (
            <Text c="orange.9">
              尚缺：{missing.map((m) => m.name).join('、')}。乡镇（街道）接收时将出具一次性告知单。
            </Text>
          ) : null}
        </Stack>
      </Alert>
      <Group>
        <Button component={Link} to={casePrintPath(filed.id, 'agency')} data-autofocus>
          打印代办受理凭证
        </Button>
        <Button
          variant="default"
          loading={handOver.isPending}
          onClick={() =>
            handOver.mutate(
              { caseId: filed.id, action: 'hand_over' },
              { onSuccess: () => void navigate('/agency') },
            )
          }
        >
          立即移交乡镇
        </Button>
        <Button variant="default" onClick={() => void navigate('/agency')}>
          稍后移交，返回代办列表
        </Button>
        <Button variant="subtle" onClick={onNext}>
          继续代办收件
        </Button>
      </Group>
    </Stack>
  );
}
