import { Alert, Stack } from '@mantine/core';
import type { CaseDetail } from '@shared/api';

interface CaseWarningsProps {
  detail: CaseDetail;
}

/** What must not be missed: the deadline, a stopped clock, a holiday schedule not loaded. */
export function CaseWarnings({ detail }: CaseWarningsProps) {
  const alerts: { key: string; color: string; title: string; text: string }[] = [];
  const left = detail.workingDaysLeft;
  const limit = detail.state === 'agency_draft' ? '移交期限' : '办结期限';
  if (detail.deadline === 'overdue') {
    alerts.push({
      key: 'overdue',
      color: 'red',
      title: `已超期${left !== null && left < 0 ? ` ${-left} 个工作日` : ''}`,
      text: `${limit}为 ${detail.state === 'agency_draft' ? detail.handoffDueDate : detail.dueDate}，请尽快办理并说明超期原因。`,
    });
  }
  if (detail.deadline === 'due_today') {
    alerts.push({ key: 'today', color: 'orange', title: '今日到期', text: `${limit}就是今天。` });
  }
  if (detail.deadline === 'due_soon') {
    alerts.push({
      key: 'soon',
      color: 'yellow',
      title: '剩 1 个工作日',
      text: `${limit}为下一个工作日，请抓紧办理。`,
    });
  }
  if (detail.state === 'pending_supplement') {
    alerts.push({
      key: 'paused',
      color: 'blue',
      title: '等待补正',
      text: '申请人补齐材料前，办理时限暂停计算。申请人回来时请点“补正齐全”核对材料。',
    });
  }
  if (detail.calendarWarning) {
    alerts.push({
      key: 'calendar',
      color: 'yellow',
      title: '节假日安排',
      text: detail.calendarWarning,
    });
  }
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs">
      {alerts.map((alert) => (
        <Alert key={alert.key} color={alert.color} title={alert.title} role="alert" py="xs">
          {alert.text}
        </Alert>
      ))}
    </Stack>
  );
}
