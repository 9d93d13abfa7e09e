/**
 * The org units the backend tests and the e2e specs set up, by division code. 五马街道 stands alone;
 * the others belong to the demo tree of 永嘉县 (resources/), which setup loads with their villages.
 */

/** 五马街道 of 鹿城区: a township without the demo tree. */
export const WUMA = { divisionCode: '330302001', centre: '五马街道便民服务中心' } as const;

/** 蝉街社区, a village the case tests add under 五马街道, and 南城街道, a township outside its scope. */
export const CHANJIE = { code: '330302001001', name: '蝉街社区' } as const;
export const NANCHENG = { code: '330302002', name: '南城街道' } as const;

/** 东城街道 of the demo tree, whose villages the agents and the village committees work in. */
export const DONGCHENG = {
  divisionCode: '330324001',
  name: '东城街道',
  centre: '东城街道便民服务中心',
} as const;

/** Two villages of 东城街道. */
export const CHENGDONG = { code: '330324001001', name: '城东社区' } as const;
export const WANGJIANG = { code: '330324001002', name: '望江社区' } as const;

/** 岩头镇 of the demo tree, for the residents' registers that need villages of their own. */
export const YANTOU = { divisionCode: '330324108', centre: '岩头镇便民服务中心' } as const;

/** The county codes at the head of the test residents' ID numbers: 鹿城区 and 永嘉县. */
export const LUCHENG_AREA = '330302';
export const YONGJIA_AREA = '330324';
