import { Anchor, Paper, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { DOCUMENT_TYPE_LABELS, documentTypeSchema } from '@shared/domain/identity/documents';
import { RATINGS } from '@shared/domain/cases/rating';
import { Link } from 'react-router';
import { DueDate } from '../../components/CaseStatus';
import { formatDateTime } from '../../lib/time';
import { formatFee } from './case-labels';
import { Facts, type FactItem } from './Facts';

interface CaseFactsProps {
  detail: CaseDetail;
}

function remaining(detail: CaseDetail): string {
  const days = detail.workingDaysLeft;
  if (days === null) return detail.state === 'pending_supplement' ? '等待补正，暂停计算' : '—';
  if (days < 0) return `已超期 ${-days} 个工作日`;
  if (days === 0) return '今日到期';
  return `${days} 个工作日`;
}

function docTypeLabel(docType: string): string {
  const parsed = documentTypeSchema.safeParse(docType);
  return parsed.success ? DOCUMENT_TYPE_LABELS[parsed.data] : '证件号码';
}

/** The applicant and the dates the promise is measured by. */
export function CaseFacts({ detail }: CaseFactsProps) {
  const { applicant } = detail;
  const items: FactItem[] = [
    {
      label: '申请人',
      value: (
        <>
          {applicant.name}{' '}
          <Anchor component={Link} to={`/residents/${detail.residentId}`} size="sm">
            查看一人一档
          </Anchor>
        </>
      ),
    },
    { label: docTypeLabel(applicant.docType), value: applicant.docNumberMasked },
    { label: '联系电话', value: applicant.phoneMasked ?? '—' },
    { label: '住址', value: applicant.address ?? '—' },
    { label: '收件时间', value: formatDateTime(detail.createdAt) },
    { label: '受理日期', value: detail.acceptedDate ?? '—' },
    {
      label: '承诺时限',
      value: detail.itemType === 'instant' ? '即办件' : `${detail.promisedDays} 个工作日`,
    },
    { label: '办结期限', value: <DueDate date={detail.dueDate} deadline={detail.deadline} /> },
    { label: '剩余工作日', value: remaining(detail) },
    { label: '办结日期', value: detail.completedDate ?? '—' },
    { label: '结果送达', value: formatDateTime(detail.handedOutAt) },
    { label: '办理人', value: detail.handlerName ?? '—' },
    { label: '办理单位', value: detail.orgUnitName },
    { label: '责任部门', value: detail.department },
    { label: '收费', value: formatFee(detail.feeFen) },
    { label: '统一编号', value: detail.officialNo ?? '尚未分配' },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Facts items={items} />
    </Paper>
  );
}

/** 代办: who filed on whose behalf, with the power of attorney, and the hand-off to the township. */
export function AgencyFacts({ detail }: CaseFactsProps) {
  if (detail.channel !== 'agency') return null;
  const items: FactItem[] = [
    { label: '委托人（申请人）', value: detail.applicant.name },
    { label: '代办员', value: detail.agentName ?? '—' },
    { label: '代办点', value: detail.agencyOrgName ?? '—' },
    { label: '授权委托书日期', value: detail.attorneyDate ?? '—' },
    { label: '代办原因', value: detail.agencyReason ?? '—' },
    { label: '移交期限', value: detail.handoffDueDate ?? '—' },
    { label: '移交时间', value: formatDateTime(detail.handedOverAt) },
    { label: '乡镇接收时间', value: formatDateTime(detail.receivedAt) },
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="agency-facts">
      <Title order={3} size="h4" mb="sm" id="agency-facts">
        代办信息
      </Title>
      <Facts items={items} />
    </Paper>
  );
}

/** How it ended: the result, the refusal with where to go, and the resident's rating. */
export function OutcomeFacts({ detail }: CaseFactsProps) {
  const items: FactItem[] = [];
  if (detail.resultNote) items.push({ label: '办理结果', value: detail.resultNote });
  if (detail.rejectReason) items.push({ label: '不予受理理由', value: detail.rejectReason });
  if (detail.redirectTo) items.push({ label: '请到以下部门办理', value: detail.redirectTo });
  if (detail.rating) {
    const rating = RATINGS[detail.rating.level];
    items.push({
      label: '好差评',
      value: (
        <Text span size="sm" c={rating.bad ? 'red.8' : undefined} fw={rating.bad ? 600 : undefined}>
          {rating.label}
          {detail.rating.comment ? `：${detail.rating.comment}` : ''}（
          {formatDateTime(detail.rating.ratedAt)}）
        </Text>
      ),
    });
  }
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="outcome-facts">
      <Title order={3} size="h4" mb="sm" id="outcome-facts">
        办理结果
      </Title>
      <Facts items={items} cols={2} />
    </Paper>
  );
}
