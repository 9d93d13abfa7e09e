import { sql, type Kysely } from 'kysely';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';

/*
 * Frozen: the catalogue is searched by the short names clerks say (低保, 社保卡, 残疾证) as well as
 * its long official names. `aliases` is a JSON array of those names; `alias_initials` their pinyin
 * initials joined by spaces, so that an initials query tests one column. Items set up before this
 * migration get the aliases the shipped catalogue now carries, where the item still has the shipped
 * code and name (an item a centre renamed is its own). Like 2026_11_28_1100 it calls the live
 * pinyinInitials: the initials must read as the catalogue writes them.
 */
const SHIPPED: readonly (readonly [code: string, name: string, aliases: readonly string[]])[] = [
  ['ZJ-XZ-0001', '城乡居民基本医疗保险参保登记', ['居民医保', '医保参保']],
  ['ZJ-XZ-0002', '城乡居民基本养老保险参保登记', ['城乡居保', '居民养老保险', '养老保险参保']],
  ['ZJ-XZ-0003', '城乡居民养老保险待遇领取', ['养老金领取', '城乡居保待遇']],
  ['ZJ-XZ-0004', '城乡居民养老保险参保人员死亡待遇申领', ['丧葬补助金', '养老保险死亡待遇']],
  ['ZJ-XZ-0005', '医保异地就医备案', ['异地就医', '异地备案']],
  ['ZJ-XZ-0006', '灵活就业人员社保登记', ['灵活就业参保', '社保登记']],
  ['ZJ-XZ-0007', '社会保障卡申领', ['社保卡']],
  ['ZJ-XZ-0008', '城乡居民医保门诊慢特病待遇认定', ['慢特病', '慢性病']],
  ['ZJ-XZ-0011', '就业困难人员认定', ['就困认定']],
  ['ZJ-XZ-0012', '创业担保贷款申请', ['创业贷款', '创业贷']],
  ['ZJ-XZ-0013', '最低生活保障申请', ['低保', '低保申请']],
  ['ZJ-XZ-0014', '最低生活保障边缘家庭认定', ['低边', '低保边缘户']],
  ['ZJ-XZ-0016', '特困人员救助供养', ['特困供养', '五保']],
  ['ZJ-XZ-0018', '法律援助申请', ['法援']],
  ['ZJ-XZ-0019', '高龄津贴申领', ['高龄补贴']],
  ['ZJ-XZ-0020', '老年人优待证', ['老年证']],
  ['ZJ-XZ-0021', '困难残疾人生活补贴', ['残疾人两项补贴', '困残补贴']],
  ['ZJ-XZ-0022', '重度残疾人护理补贴', ['残疾人两项补贴', '重残护理补贴']],
  ['ZJ-XZ-0023', '惠民殡葬基本服务费用减免', ['殡葬费减免']],
  ['ZJ-XZ-0024', '经济困难失能老年人养老服务补贴', ['养老服务补贴']],
  ['ZJ-XZ-0025', '残疾人证申领', ['残疾证', '办残疾证']],
  ['ZJ-XZ-0026', '残疾人证换领补领', ['残疾证换证', '残疾证补办']],
  ['ZJ-XZ-0027', '残疾人辅助器具适配补贴申请', ['辅具补贴']],
  ['ZJ-XZ-0028', '生育登记', ['生育服务登记', '准生证']],
  ['ZJ-XZ-0029', '计划生育家庭特别扶助', ['特扶']],
  ['ZJ-XZ-0030', '独生子女父母奖励', ['独生子女奖励']],
  ['ZJ-XZ-0031', '农村部分计划生育家庭奖励扶助', ['奖扶']],
  ['ZJ-XZ-0032', '流动人口婚育证明', ['婚育证明']],
  ['ZJ-XZ-0033', '农村宅基地建房审批', ['建房审批', '宅基地审批']],
  ['ZJ-XZ-0034', '农村危房改造', ['危房改造', '危改']],
  ['ZJ-XZ-0035', '耕地地力保护补贴申报', ['种粮补贴', '地力补贴']],
  ['ZJ-XZ-0036', '居住证申领', ['居住证', '暂住证']],
  ['ZJ-XZ-0037', '居住证换领补领', ['居住证补办']],
  ['ZJ-XZ-0038', '出生登记', ['新生儿落户', '报户口']],
  ['ZJ-XZ-0039', '户口迁移', ['迁户口', '户口迁入']],
  ['ZJ-XZ-0040', '退役军人优待证申领', ['优待证']],
  ['ZJ-XZ-0042', '部分农村籍退役士兵老年生活补助申请', ['老年生活补助']],
];

function aliasInitials(aliases: readonly string[]): string {
  return aliases.map((alias) => pinyinInitials(alias)).join(' ');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE service_items ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'`.execute(db);
  await sql`ALTER TABLE service_items ADD COLUMN alias_initials TEXT NOT NULL DEFAULT ''`.execute(
    db,
  );
  for (const [code, name, aliases] of SHIPPED) {
    await sql`UPDATE service_items SET aliases = ${JSON.stringify(aliases)},
        alias_initials = ${aliasInitials(aliases)}
      WHERE code = ${code} AND name = ${name} AND aliases = '[]'`.execute(db);
  }
}
