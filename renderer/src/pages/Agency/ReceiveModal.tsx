import { Button, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseDetail } from '@shared/api';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import {
  MaterialChecklist,
  marksOf,
  missingRequiredOf,
  toMaterialChecks,
  type MaterialMark,
} from '../../components/MaterialChecklist';
import { useRefreshCases } from './use-case-action';

interface ReceiveModalProps {
  /** The handed-over case being received; shut while null. */
  caseId: string | null;
  onClose: () => void;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </Stack>
  );
}

/** 接收: the township checks the materials the agent brought again before taking the case in. */
export function ReceiveModal({ caseId, onClose }: ReceiveModalProps) {
  const detail = useApiQuery('cases.get', { caseId: caseId ?? '' }, { enabled: caseId !== null });
  const data = detail.data && detail.data.id === caseId ? detail.data : null;
  return (
    <Modal
      opened={caseId !== null}
      onClose={onClose}
      title={data ? `接收代办件 ${data.caseNo}` : '接收代办件'}
      size={1000}
    >
      {data ? (
        <ReceiveForm key={data.id} detail={data} onDone={onClose} />
      ) : (
        <Loader aria-label="正在载入" />
      )}
    </Modal>
  );
}

function ReceiveForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const [marks, setMarks] = useState<MaterialMark[]>(() => marksOf(detail.materials));
  const refresh = useRefreshCases();
  const receive = useApiMutation('cases.receive', {
    onSuccess: (received) => {
      notifications.show({
        color: received.state === 'accepted' ? 'teal' : 'orange',
        message:
          received.state === 'accepted'
            ? `${received.caseNo} 已接收并受理，承诺 ${received.dueDate} 前办结`
            : `${received.caseNo} 已接收，材料不齐，已转为待补正，请出具一次性告知单`,
      });
      refresh();
      onDone();
    },
  });
  const missing = missingRequiredOf(detail.materials, marks);

  return (
    <Stack gap="md">
      <SimpleGrid cols={4} spacing="sm">
        <Fact
          label="申请人"
          value={`${detail.applicant.name}（${detail.applicant.docNumberMasked}）`}
        />
        <Fact label="事项" value={detail.itemName} />
        <Fact label="代办村（社区）" value={detail.agencyOrgName} />
        <Fact label="代办员" value={detail.agentName} />
        <Fact label="委托书签署日期" value={detail.attorneyDate} />
        <Fact label="代办原因" value={detail.agencyReason} />
        <Fact label="移交期限" value={detail.handoffDueDate} />
        <Fact label="承诺时限" value={`${detail.promisedDays} 个工作日`} />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        核对代办员移交的材料（已按代办员的核对结果预填）
      </Text>
      <MaterialChecklist
        materials={detail.materials}
        marks={marks}
        onChange={setMarks}
        advice={{
          complete: `必交材料已齐全：接收即受理，${detail.promisedDays} 个工作日内办结。`,
          incomplete: '接收后转为待补正，并出具一次性告知单。',
        }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          取消
        </Button>
        <Button
          loading={receive.isPending}
          onClick={() => receive.mutate({ caseId: detail.id, materials: toMaterialChecks(marks) })}
        >
          {missing.length === 0 ? '接收并受理' : '接收并出具告知单'}
        </Button>
      </Group>
    </Stack>
  );
}
