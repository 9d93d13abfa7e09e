import type { SyncRecordTable } from './records-contract';

/**
 * What a person calls the synced tables and their columns, for the screens that name a record's
 * field outside its own form (同步冲突). A column without a label here shows its name.
 */
export const SYNC_TABLE_LABELS: Record<SyncRecordTable, string> = {
  residents: '群众档案',
  cases: '办件',
  case_materials: '办件材料',
  case_events: '办件记录',
  ratings: '评价',
  rating_followups: '差评回访',
  attachments: '附件',
  disputes: '纠纷',
  dispute_parties: '当事人',
  dispute_readers: '查阅单位',
  dispute_mediators: '承办调解员',
  dispute_events: '纠纷记录',
  mediation_sessions: '调解笔录',
  dispute_extensions: '延期',
  dispute_agreements: '调解协议',
  dispute_follow_ups: '回访',
  event_reports: '事件报告',
};

/** Columns that mean the same wherever they appear. */
const COMMON: Record<string, string> = {
  org_unit_id: '所属单位',
  deleted_at: '是否删除',
  note: '备注',
  name: '名称',
  phone: '联系电话',
  address: '住址',
  gender: '性别',
  birth_date: '出生日期',
  ethnicity: '民族',
  state: '状态',
  summary: '纠纷简要情况',
  occurred_on: '发生日期',
  place: '地点',
  people_involved: '涉及人数',
  due_date: '期限',
  case_no: '编号',
  official_no: '正式编号',
};

const BY_TABLE: Partial<Record<SyncRecordTable, Record<string, string>>> = {
  residents: {
    name: '姓名',
    doc_type: '证件类型',
    doc_number: '证件号码',
    village_org_id: '所在村（社区）',
  },
  cases: {
    case_no: '办件编号',
    item_name: '事项名称',
    applicant_name: '申请人姓名',
    channel: '受理方式',
    agency_reason: '代办原因',
    attorney_date: '委托日期',
    handoff_due_date: '移交期限',
    due_date: '承诺办结日期',
    result_note: '办理结果',
    reject_reason: '退回原因',
    redirect_to: '告知去处',
    handler_id: '承办人',
    counter_contact: '窗口联系方式',
  },
  case_materials: {
    name: '材料名称',
    form: '原件或复印件',
    copies: '份数',
    required: '是否必需',
    condition: '适用条件',
    source: '来源',
    status: '收取情况',
    copies_received: '已收份数',
  },
  ratings: { level: '评价等级', comment: '评价意见' },
  rating_followups: {
    callback_note: '回访情况',
    rectification: '整改措施',
    callback_at: '回访时间',
  },
  disputes: {
    case_no: '纠纷编号',
    type: '纠纷类型',
    source: '纠纷来源',
    amount_fen: '涉及金额',
    risk_level: '风险等级',
    party_names: '当事人',
    registered_on: '登记日期',
    accepted_on: '受理日期',
    due_date: '调解期限',
    outcome: '调解结果',
    concluded_on: '调结日期',
    failure_reason: '未调成原因',
    termination_reason: '终止原因',
    reject_reason: '不予受理原因',
    performed_on: '履行日期',
    judicial_confirmed_on: '司法确认日期',
    closed_on: '结案日期',
  },
  dispute_parties: {
    name: '当事人姓名（名称）',
    role: '当事人地位',
    occupation: '职业',
    id_type: '证件类型',
    id_number: '证件号码',
    credit_code: '统一社会信用代码',
    representative: '法定代表人',
    agent_name: '代理人',
    agent_phone: '代理人电话',
  },
  mediation_sessions: {
    held_on: '调解日期',
    mediators: '调解员',
    recorder_name: '记录人',
    attendees: '参加人员',
    statements: '调解情况',
    result: '调解结果',
  },
  dispute_extensions: { new_due_date: '延长至', reason: '延期理由' },
  dispute_agreements: {
    facts: '主要事实',
    disputed_matters: '争议事项',
    responsibilities: '各方责任',
    obligations: '协议内容',
    agreed_on: '达成日期',
    effective_on: '生效日期',
    jc_court: '司法确认法院',
    jc_result: '司法确认结果',
    jc_note: '司法确认情况',
  },
  dispute_follow_ups: {
    visited_on: '回访日期',
    method: '回访方式',
    visitor_name: '回访人',
    performance: '履行情况',
    satisfaction: '满意度',
  },
  event_reports: {
    category: '事件类别',
    urgency: '紧急程度',
    title: '标题',
    description: '事件经过',
    reporter_name: '报告人',
    acknowledgement_note: '签收意见',
  },
};

export function syncFieldLabel(table: SyncRecordTable, column: string): string {
  return BY_TABLE[table]?.[column] ?? COMMON[column] ?? column;
}

/** Columns whose values lists show masked (PIPL art. 28): a conflict shows them masked too. */
export const SYNC_MASKED_COLUMNS: Readonly<Record<string, 'id' | 'phone'>> = {
  doc_number: 'id',
  id_number: 'id',
  phone: 'phone',
  agent_phone: 'phone',
  counter_contact: 'phone',
};
