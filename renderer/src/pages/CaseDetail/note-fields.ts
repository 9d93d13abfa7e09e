import { CASE_ACTIONS, type CaseAction } from '@shared/domain/cases/case-workflow';

/** The actions cases.transition takes; receive and 补正 go through the checklist instead. */
export type NoteAction = Exclude<CaseAction, 'receive' | 'supplement'> | 'hand_out';

interface NoteField {
  /** The modal's title and its confirm button. */
  title: string;
  label: string;
  description: string;
  required: boolean;
  /** Where the text goes: the timeline note, or the result the completion notice states. */
  target: 'note' | 'resultNote';
  /** Ends the case or turns it away: a red button. */
  danger: boolean;
}

const optionalNote = (description: string) => ({
  label: '备注',
  description,
  required: false,
  target: 'note' as const,
  danger: false,
});

export const NOTE_FIELDS: Record<NoteAction, NoteField> = {
  start: { title: CASE_ACTIONS.start.label, ...optionalNote('选填，记入办理记录') },
  complete: {
    title: CASE_ACTIONS.complete.label,
    label: '办理结果',
    description: '选填，例如“审核通过，津贴自下月起发放”；将写入办结通知',
    required: false,
    target: 'resultNote',
    danger: false,
  },
  request_supplement: {
    title: CASE_ACTIONS.request_supplement.label,
    label: '需补正的内容',
    description: '写明还需补交或更正的材料；办理时限在等待补正期间暂停计算',
    required: false,
    target: 'note',
    danger: false,
  },
  hand_over: {
    title: CASE_ACTIONS.hand_over.label,
    ...optionalNote('选填，移交后由乡镇（街道）窗口接收办理'),
  },
  return: {
    title: CASE_ACTIONS.return.label,
    label: '退回原因',
    description: '必填，将告知申请人',
    required: true,
    target: 'note',
    danger: true,
  },
  reject: {
    title: CASE_ACTIONS.reject.label,
    label: '不予受理的理由',
    description: '必填，将写入不予受理通知书',
    required: true,
    target: 'note',
    danger: true,
  },
  withdraw: {
    title: CASE_ACTIONS.withdraw.label,
    label: '撤回说明',
    description: '选填，例如申请人本人申请撤回',
    required: false,
    target: 'note',
    danger: true,
  },
  hand_out: {
    title: '登记送达',
    label: '备注',
    description: '选填，例如“申请人本人到窗口领取”或“邮寄送达”',
    required: false,
    target: 'note',
    danger: false,
  },
};
