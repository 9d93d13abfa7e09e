import type { AUDIT_OUTCOMES, Backup } from '@shared/api';

export const OUTCOME_LABELS: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  success: '成功',
  failure: '失败',
  denied: '拒绝',
};

export const OUTCOME_COLORS: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  success: 'teal',
  failure: 'orange',
  denied: 'red',
};

/** Audit actions are the backend's stable method-like names; the one map of their labels is the contract's. */
export { auditActionLabel as actionLabel } from '@shared/api';

const OBJECT_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  org_unit: '单位',
  terminal: '终端',
  settings: '系统设置',
  backup: '备份',
  resident: '居民',
  service_item: '事项',
  case: '案件',
  dispute: '纠纷',
  dispute_party: '纠纷当事人',
  mediator: '调解员',
  rating_followup: '差评回访',
  event_report: '事件报告',
};

export function objectTypeLabel(objectType: string | null): string {
  if (!objectType) return '—';
  return OBJECT_TYPE_LABELS[objectType] ?? objectType;
}

export const BACKUP_REASON_LABELS: Record<Backup['reason'], string> = {
  daily: '每日自动',
  manual: '手动',
  'pre-migration': '升级前自动',
  'pre-restore': '恢复前自动',
  'pre-rematch': '统一编码前自动',
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
