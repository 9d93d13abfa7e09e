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

/**
 * Audit actions are the backend's stable method-like names; people read them in Chinese. A name not
 * listed here (a later issue's action) is shown as it is rather than hidden.
 */
const ACTION_LABELS: Record<string, string> = {
  'setup.initialize': '初始设置',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.lockout': '账号锁定',
  'auth.changePassword': '修改密码',
  'auth.lock': '锁定屏幕',
  'auth.unlock': '解除锁屏',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.disable': '停用用户',
  'users.enable': '启用用户',
  'users.resetPassword': '重置密码',
  'users.unlock': '解除账号锁定',
  'users.delete': '删除用户',
  'users.list': '查看用户',
  'settings.update': '修改系统设置',
  'backups.create': '创建备份',
  'backups.restore': '恢复备份',
  'recovery.restore': '恢复备份（损坏时）',
  'audit.list': '查看审计日志',
  'audit.verify': '校验审计日志',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const OBJECT_TYPE_LABELS: Record<string, string> = {
  user: '用户',
  org_unit: '单位',
  terminal: '终端',
  settings: '系统设置',
  backup: '备份',
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
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
