import type { AUDIT_OUTCOMES, Backup } from '@shared/api';
import { CASE_ACTIONS, type CaseAction } from '@shared/domain/cases/case-workflow';
import { CASE_DOCUMENT_TITLES, type CaseDocument } from '@shared/domain/cases/papers';

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
  'catalogue.seed': '载入事项目录',
  'catalogue.import': '导入事项目录',
  'catalogue.create': '新增事项',
  'catalogue.update': '修改事项',
  'catalogue.activate': '启用事项',
  'catalogue.deactivate': '停用事项',
  'residents.create': '新建居民信息',
  'residents.update': '修改居民信息',
  'residents.reveal': '查看居民完整信息',
  'residents.get': '查看居民档案',
  'residents.search': '查找、翻看居民档案',
  'residents.findByDocument': '按证件号码查找居民',
  'cases.intake': '窗口受理',
  'cases.agencyIntake': '代办受理',
  'cases.receive': '接收代办件',
  'cases.supplement': '补齐材料',
  'cases.handOut': '交付办理结果',
  'cases.export': '导出案件',
  'attachments.upload': '上传附件',
  'ratings.submit': '好差评',
  'ratings.recordCallback': '记录差评回访',
  'mediators.create': '新增调解员',
  'mediators.update': '修改调解员',
  'mediation.print': '打印调解文书',
  'mediation.viewAgreement': '查看调解协议书',
  'mediation.revealParty': '查看当事人完整信息',
  'mediation.updateSettings': '修改调解设置',
  'eventReports.create': '报告事件',
  'eventReports.attach': '添加事件报告附件',
  'eventReports.acknowledge': '签收事件报告',
};

/** A case's workflow steps and papers are audited as cases.<action> and print.<document>. */
function caseActionLabel(action: string): string | undefined {
  const [prefix, name] = action.split('.');
  if (prefix === 'cases' && name && name in CASE_ACTIONS) {
    return `案件${CASE_ACTIONS[name as CaseAction].label}`;
  }
  if (prefix === 'print' && name && name in CASE_DOCUMENT_TITLES) {
    return `打印${CASE_DOCUMENT_TITLES[name as CaseDocument]}`;
  }
  return undefined;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? caseActionLabel(action) ?? action;
}

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
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
