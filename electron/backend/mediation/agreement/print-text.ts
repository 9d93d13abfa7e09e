/**
 * The fixed wording of the printed papers, from 人民调解法 (arts. 4, 23, 24, 31, 33) and the model
 * documents of the Ministry of Justice. Data for the papers, not for screens.
 */

export const NOTICE_TITLE = '人民调解当事人权利义务告知书';

export const NOTICE_RIGHTS = [
  '选择或者接受人民调解员；',
  '接受调解、拒绝调解或者要求终止调解；',
  '要求调解公开进行或者不公开进行；',
  '自主表达意愿、自愿达成调解协议。',
];

export const NOTICE_DUTIES = [
  '如实陈述纠纷事实；',
  '遵守调解现场秩序，尊重人民调解员；',
  '尊重对方当事人行使权利。',
];

export const NOTICE_REMARKS = [
  '人民调解委员会调解民间纠纷，不收取任何费用。',
  '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
  '调解协议生效后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
];

export const SESSION_TITLE = '人民调解记录';
export const AGREEMENT_TITLE = '人民调解协议书';
export const JUDICIAL_COVER_TITLE = '人民调解协议司法确认申请材料清单';
export const FOLLOW_UP_TITLE = '人民调解回访记录';

export const AGREEMENT_EFFECT =
  '本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。';
export const AGREEMENT_JUDICIAL =
  '本协议生效后，双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认。';

export function copiesText(copies: number): string {
  return `本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。`;
}

export const JUDICIAL_REMARKS = [
  '由双方当事人自调解协议生效之日起三十日内，共同向调解组织所在地基层人民法院提出申请。',
  '当事人本人到场；委托他人代为申请的，须提交经本人签名的授权委托书。',
  '请携带以下材料的原件及复印件。',
];

export interface Material {
  name: string;
  copies: string;
  note: string | null;
}

export function judicialMaterials(hasAgent: boolean, hasOrganisation: boolean): Material[] {
  return [
    { name: '司法确认申请书（双方当事人共同签名）', copies: '一式三份', note: null },
    { name: '人民调解协议书', copies: '原件一份', note: null },
    {
      name: '各方当事人的身份证明',
      copies: '复印件各一份',
      note: hasOrganisation ? '单位当事人另附营业执照复印件及法定代表人身份证明书' : null,
    },
    ...(hasAgent ? [{ name: '授权委托书及委托代理人身份证明', copies: '各一份', note: null }] : []),
    { name: '与调解协议相关的证明材料（调解笔录、证据材料等）', copies: '复印件一份', note: null },
    { name: '送达地址确认书', copies: '每位当事人一份', note: null },
  ];
}
