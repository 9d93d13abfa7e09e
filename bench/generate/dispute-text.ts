import type { DisputeSource, DisputeType } from '@shared/domain/mediation/vocabulary';
import { type Random, Weighted } from './random';

/** What a township's mediation register holds, by share: neighbours and families first. */
export const DISPUTE_TYPE_MIX = new Weighted<DisputeType>([
  ['neighbour', 25],
  ['marriage_family', 18],
  ['house_homestead', 10],
  ['contract', 8],
  ['damages', 8],
  ['labour', 7],
  ['traffic_accident', 6],
  ['forest_land', 4],
  ['land_requisition', 3],
  ['production_business', 3],
  ['consumer', 3],
  ['property_management', 2],
  ['medical', 1],
  ['pollution', 1],
  ['other', 1],
]);

export const DISPUTE_SOURCE_MIX = new Weighted<DisputeSource>([
  ['application', 50],
  ['initiative', 15],
  ['grid_report', 15],
  ['transfer', 10],
  ['hotline_12345', 7],
  ['entrusted', 2],
  ['designated', 1],
]);

export const TRANSFER_ORIGINS = ['police', 'court', 'petition', 'department'];

const SUMMARIES: Partial<Record<DisputeType, string[]>> = {
  neighbour: [
    '因房前排水沟堵塞积水，双方发生争执',
    '因建房遮挡采光引发邻里纠纷',
    '因饲养家禽影响邻居生活产生矛盾',
    '因共用通道堆放杂物发生口角',
  ],
  marriage_family: [
    '因赡养老人费用分担问题兄弟之间产生纠纷',
    '夫妻感情不和，就子女抚养问题发生争执',
    '因分家析产问题家庭成员之间产生矛盾',
  ],
  house_homestead: ['因宅基地界址不清发生争议', '因房屋租赁到期押金退还问题产生纠纷'],
  contract: ['因货款结算问题双方发生纠纷', '因装修工程质量及工程款支付产生争议'],
  damages: ['因一方饲养的狗咬伤他人，就赔偿问题发生纠纷', '因施工造成邻居房屋开裂要求赔偿'],
  labour: ['因拖欠工资问题劳资双方发生纠纷', '务工人员在厂内受伤，就工伤待遇产生争议'],
  traffic_accident: ['因电动车与行人相撞，就医疗费赔偿发生纠纷', '因车辆刮擦，就维修费用产生争议'],
  forest_land: ['因山林界址不清两村村民发生争议', '因承包地流转费用问题产生纠纷'],
};
const GENERIC = ['双方因经济往来问题发生纠纷，经多次协商未果', '因琐事引发矛盾，双方各执一词'];

export function summaryOf(random: Random, type: DisputeType): string {
  return random.pick(SUMMARIES[type] ?? GENERIC);
}

/** The types whose disputes usually involve money. */
export const MONEY_TYPES: readonly DisputeType[] = [
  'contract',
  'damages',
  'labour',
  'traffic_accident',
  'house_homestead',
  'consumer',
  'medical',
];

export const OCCUPATIONS = [
  '务农',
  '个体经营',
  '企业职工',
  '退休',
  '务工',
  '无业',
  '教师',
  '自由职业',
];

export const COMPANY_KINDS = ['鞋业', '阀门', '泵业', '服饰', '建筑工程', '物业管理', '汽车服务'];

export const FAILURE_REASONS = [
  '双方对赔偿金额分歧较大，经多次调解未能达成一致',
  '被申请人拒绝调解',
  '双方对事实认定分歧较大',
];

export const TERMINATION_REASONS = ['申请人撤回调解申请', '一方当事人已向人民法院起诉'];

export const STATEMENTS = [
  '要求对方赔偿损失并赔礼道歉',
  '认为自己没有过错，不同意对方的要求',
  '同意协商解决，但对金额有异议',
  '希望尽快解决，愿意作出适当让步',
];
