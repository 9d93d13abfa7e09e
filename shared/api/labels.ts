import { CASE_ACTIONS, type CaseAction } from '../domain/cases/case-workflow';
import { CASE_DOCUMENT_TITLES, type CaseDocument } from '../domain/cases/papers';
import type { MethodName } from './contract';

/**
 * Every method in Chinese, as the audit log shows it under 操作 (a refused call is logged under the
 * method's name). Typed by the contract: a method added without its label does not compile.
 */
export const METHOD_LABELS: Record<MethodName, string> = {
  'system.status': '查看系统状态',
  'setup.demoOrgTree': '读取演示组织架构',
  'setup.initialize': '初始设置',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.me': '读取本人信息',
  'auth.changePassword': '修改密码',
  'auth.lock': '锁定屏幕',
  'auth.unlock': '解除锁屏',
  'users.list': '查看用户',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.setDisabled': '停用或启用用户',
  'users.resetPassword': '重置密码',
  'users.unlock': '解除账号锁定',
  'users.delete': '删除用户',
  'orgUnits.list': '查看单位',
  'audit.list': '查看审计日志',
  'audit.actions': '读取审计操作类别',
  'audit.verify': '校验审计日志',
  'settings.get': '查看系统设置',
  'settings.update': '修改系统设置',
  'backups.list': '查看备份',
  'backups.create': '创建备份',
  'backups.restore': '恢复备份',
  'searchIndex.rebuild': '重建搜索索引',
  'recovery.listBackups': '查看备份（损坏时）',
  'recovery.restore': '恢复备份（损坏时）',
  'calendar.status': '查看节假日安排',
  'calendar.importYears': '载入节假日安排',
  'cases.intake': '窗口受理',
  'cases.agencyIntake': '代办受理',
  'cases.supplement': '补齐材料',
  'cases.receive': '接收代办件',
  'cases.transition': '办理案件',
  'cases.handOut': '交付办理结果',
  'cases.get': '查看案件',
  'print.record': '打印案件文书',
  'ratings.submit': '好差评',
  'ratings.followups': '查看差评回访',
  'ratings.recordCallback': '记录差评回访',
  'attachments.upload': '上传附件',
  'attachments.get': '查看附件',
  'cases.list': '查询案件',
  'cases.exportExcel': '导出案件',
  'cases.ofResident': '查看居民的办件',
  'cases.dashboard': '查看工作台',
  'cases.dashboardFigures': '查看工作台统计',
  'catalogue.list': '查询事项',
  'catalogue.get': '查看事项',
  'catalogue.getVersion': '查看事项版本',
  'catalogue.save': '保存事项',
  'catalogue.setActive': '启用或停用事项',
  'catalogue.exportExcel': '导出事项目录',
  'catalogue.importExcel': '导入事项目录',
  'catalogue.publishToHub': '发布事项目录到县级平台',
  'residents.search': '查询居民',
  'residents.findByDocument': '按证件号查找居民',
  'residents.get': '查看居民信息',
  'residents.create': '新建居民信息',
  'residents.update': '修改居民信息',
  'residents.reveal': '查看居民完整信息',
  'stats.counter': '查看办件统计',
  'stats.counterExcel': '导出办件统计',
  'mediation.register': '登记纠纷',
  'mediation.update': '更正纠纷登记',
  'mediation.saveParty': '保存当事人',
  'mediation.acknowledgeNotice': '记录权利义务告知',
  'mediation.accept': '受理纠纷',
  'mediation.reject': '不予受理纠纷',
  'mediation.get': '查看纠纷',
  'mediation.list': '查询纠纷',
  'mediation.revealParty': '查看当事人完整信息',
  'mediation.ofResident': '查看居民的纠纷',
  'mediation.reference': '读取调解参考数据',
  'mediation.dashboard': '查看调解工作台',
  'mediators.list': '查看调解员名册',
  'mediators.create': '新增调解员',
  'mediators.update': '修改调解员',
  'mediators.setActive': '启用或停用调解员',
  'mediation.suggestMediators': '推荐调解员',
  'mediation.assignMediators': '指派调解员',
  'mediation.recordSession': '记录调解',
  'mediation.extendDeadline': '延长调解期限',
  'mediation.saveAgreementDraft': '保存调解协议草稿',
  'mediation.recordAgreement': '记录调解协议',
  'mediation.recordFailure': '记录调解不成',
  'mediation.terminate': '终止调解',
  'mediation.escalate': '上交纠纷',
  'mediation.recordJudicialConfirmation': '记录司法确认',
  'mediation.recordFollowUp': '记录回访',
  'mediation.close': '结案',
  'mediation.printNotice': '打印权利义务告知书',
  'mediation.printSessionRecord': '打印调解笔录',
  'mediation.printAgreement': '打印调解协议书',
  'mediation.printJudicialCover': '打印司法确认材料清单',
  'mediation.printFollowUp': '打印回访记录',
  'mediation.recordPrint': '记录调解文书打印',
  'mediation.stats': '查看调解统计',
  'mediation.statsExcel': '导出调解统计',
  'mediation.riskFlags': '查看风险预警',
  'mediation.getSettings': '查看调解设置',
  'mediation.updateSettings': '修改调解设置',
  'eventReports.create': '报告事件',
  'eventReports.list': '查看事件报告',
  'eventReports.get': '查看事件报告详情',
  'eventReports.attach': '添加事件报告附件',
  'eventReports.attachment': '查看事件报告附件',
  'eventReports.acknowledge': '签收事件报告',
  'drafts.get': '读取表单草稿',
  'drafts.save': '保存表单草稿',
  'drafts.discard': '放弃表单草稿',
  'hub.status': '查看县级平台连接',
  'hub.pendingJoin': '读取待完成的县级平台加入',
  'hub.join': '加入县级平台',
  'hub.reconnect': '重新连接县级平台',
  'hub.completeSetup': '加入县级平台后完成设置',
  'hub.syncNow': '从县级平台同步参考数据',
  'hub.issueCode': '签发终端加入码',
  'hub.listTerminals': '查看县级平台终端',
  'hub.revokeTerminal': '停用终端',
  'hub.pullProgress': '查看业务记录同步进度',
  'hub.heldReference': '查看本终端的县级参考数据版本',
  'hub.publishReference': '发布参考数据到县级平台',
  'hub.publishRoster': '发布调解员名册到县级平台',
  'updates.status': '查看软件更新',
};

/**
 * What the services audit under a name of their own: a step inside a method (enable or disable), an
 * outcome (a lockout), or an older name kept in existing logs.
 */
const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.lockout': '账号锁定',
  'audit.chainKeyed': '审计日志启用密钥签名',
  'users.disable': '停用用户',
  'users.enable': '启用用户',
  'users.syncFromHub': '从县级平台同步账号',
  'users.syncToHub': '账号上传县级平台',
  'mediators.activate': '启用调解员',
  'mediators.deactivate': '停用调解员',
  'catalogue.seed': '载入事项目录',
  'catalogue.import': '导入事项目录',
  'catalogue.create': '新增事项',
  'catalogue.update': '修改事项',
  'catalogue.activate': '启用事项',
  'catalogue.deactivate': '停用事项',
  'cases.export': '导出案件',
  'mediation.print': '打印调解文书',
  'hub.sync': '应用县级平台参考数据',
  'mediation.viewAgreement': '查看调解协议书',
  'hub.rematch': '按县级平台统一编码整理本机数据',
};

/** A case's workflow steps and papers are audited as cases.<action> and print.<document>. */
function caseStepLabel(action: string): string | undefined {
  const [prefix, name] = action.split('.');
  if (prefix === 'cases' && name && Object.hasOwn(CASE_ACTIONS, name)) {
    return `案件${CASE_ACTIONS[name as CaseAction].label}`;
  }
  if (prefix === 'print' && name && Object.hasOwn(CASE_DOCUMENT_TITLES, name)) {
    return `打印${CASE_DOCUMENT_TITLES[name as CaseDocument]}`;
  }
  return undefined;
}

/** The Chinese name of an audited action; one no label is known for is shown as it is, not hidden. */
export function auditActionLabel(action: string): string {
  if (Object.hasOwn(AUDIT_ACTION_LABELS, action)) return AUDIT_ACTION_LABELS[action]!;
  if (Object.hasOwn(METHOD_LABELS, action)) return METHOD_LABELS[action as MethodName];
  return caseStepLabel(action) ?? action;
}
