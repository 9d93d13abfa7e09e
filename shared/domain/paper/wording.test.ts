import { describe, expect, it } from 'vitest';
import { asClause, committeeName, serviceCentreName } from './wording';

describe('asClause', () => {
  it.each([
    ['申请人家庭人均收入高于当地低保标准', '申请人家庭人均收入高于当地低保标准'],
    ['申请人家庭人均收入高于当地低保标准。', '申请人家庭人均收入高于当地低保标准'],
    ['不属于本中心受理范围。。 ', '不属于本中心受理范围'],
    ['户籍不在本镇；', '户籍不在本镇'],
    ['材料不全,', '材料不全'],
    ['年龄未满 80 周岁!', '年龄未满 80 周岁'],
    ['  ', ''],
  ])('%s → %s', (typed, clause) => {
    expect(asClause(typed)).toBe(clause);
  });

  it('keeps punctuation inside the text', () => {
    expect(asClause('户籍在外地。居住证未满半年。')).toBe('户籍在外地。居住证未满半年');
  });
});

describe('the issuing body', () => {
  it.each([
    ['岩头镇', '岩头镇便民服务中心', '岩头镇人民调解委员会'],
    ['岩头镇便民服务中心', '岩头镇便民服务中心', '岩头镇人民调解委员会'],
    ['鹿城区五马街道便民服务中心', '鹿城区五马街道便民服务中心', '鹿城区五马街道人民调解委员会'],
    ['岩头镇人民政府', '岩头镇便民服务中心', '岩头镇人民调解委员会'],
    ['五马街道办事处', '五马街道便民服务中心', '五马街道人民调解委员会'],
    ['城东社区', '城东社区便民服务中心', '城东社区人民调解委员会'],
    ['苍坡村便民服务站', '苍坡村便民服务站', '苍坡村人民调解委员会'],
  ])('%s: %s, %s', (orgName, centre, committee) => {
    expect(serviceCentreName(orgName)).toBe(centre);
    expect(committeeName(orgName)).toBe(committee);
  });
});
