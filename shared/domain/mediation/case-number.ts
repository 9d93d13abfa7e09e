import { z } from 'zod';

/**
 * The human case-file number of a dispute in the MoJ form "（2026）鹿五马人调字第12号": year, the org
 * unit's abbreviation, 人调字, sequence. Full-width parentheses as on printed Chinese documents (the
 * courts' 案号 rule uses them too); parsing also accepts "(2026)" and "〔2026〕" as people type them.
 *
 * Unique without a network: the sequence runs per org unit, year and terminal, so two terminals of one
 * org that register offline never need each other's counters. A terminal other than 01 always writes
 * its number ("（2026）鹿五马人调字第02-12号"); terminal 01 writes it only once its org has more than one
 * terminal. So a number without the terminal part can only have come from terminal 01, even when
 * terminal 01 registered before it learnt that a second terminal had been set up elsewhere; and a
 * one-terminal committee, which most village committees are, keeps the plain numbers people expect.
 * Abbreviations may coincide between org units; records are keyed by org unit, so the pair stays unique.
 * A terminal of a higher unit registering for the unit writes its level too ("第乡01-3号", see
 * registeringForNumber), so that it never shares a counter with the unit's own terminal 01.
 */

const terminalNumberSchema = z
  .string()
  .regex(
    /^[乡县村]?\d{2}$/,
    '终端编号为两位数字，代其他单位登记的终端在前面加所在单位的级别（乡、县或村）',
  );
export const orgAbbreviationSchema = z
  .string()
  .regex(/^\p{Script=Han}{1,10}$/u, '单位简称为 1 到 10 个汉字')
  .refine((value) => !value.includes('人调'), '单位简称不能包含“人调”');

const caseNumberPartsSchema = z.object({
  year: z.number().int().min(2000).max(9999),
  orgAbbreviation: orgAbbreviationSchema,
  /** null: a number issued by terminal 01 while it was its org's only terminal. */
  terminalNumber: terminalNumberSchema.nullable(),
  sequence: z.number().int().positive(),
});
export type CaseNumberParts = z.infer<typeof caseNumberPartsSchema>;

const FIRST_TERMINAL = '01';
const PATTERN =
  /^[（(〔[](\d{4})[）)〕\]](\p{Script=Han}+?)人调字第(?:([乡县村]?\d{2})-)?([1-9]\d*)号$/u;

const LEVEL_MARK = { county: '县', township: '乡', village: '村' } as const;

/**
 * The terminal part a terminal of a higher unit writes when it registers for a unit below (a
 * township's terminal for one of its villages): the level, then its number, as 乡01. The unit's own
 * terminals write two digits only, so the two can never issue the same number without seeing each
 * other's counters; and the reader sees the number was given at the township.
 */
export function registeringForNumber(
  level: 'county' | 'township' | 'village',
  terminalNumber: string,
): string {
  return `${LEVEL_MARK[level]}${terminalNumber}`;
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  const { year, orgAbbreviation, terminalNumber, sequence } = caseNumberPartsSchema.parse(parts);
  const terminal = terminalNumber === null ? '' : `${terminalNumber}-`;
  return `（${year}）${orgAbbreviation}人调字第${terminal}${sequence}号`;
}

export function parseCaseNumber(text: string): CaseNumberParts | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const parsed = caseNumberPartsSchema.safeParse({
    year: Number(match[1]),
    orgAbbreviation: match[2],
    terminalNumber: match[3] ?? null,
    sequence: Number(match[4]),
  });
  return parsed.success ? parsed.data : null;
}

export function includesTerminal(terminalNumber: string, terminalCount: number): boolean {
  return terminalNumber !== FIRST_TERMINAL || terminalCount > 1;
}

/** The terminal that issued a number; plain numbers are terminal 01's (see the header). */
function issuingTerminal(parts: CaseNumberParts): string {
  return parts.terminalNumber ?? FIRST_TERMINAL;
}

/** One more than the highest sequence this terminal has issued in `year` for its org unit. */
export function nextSequence(
  issued: readonly CaseNumberParts[],
  year: number,
  terminalNumber: string,
): number {
  let highest = 0;
  for (const parts of issued) {
    if (parts.year === year && issuingTerminal(parts) === terminalNumber) {
      highest = Math.max(highest, parts.sequence);
    }
  }
  return highest + 1;
}

interface NextCaseNumberInput {
  /** Registration date, 'YYYY-MM-DD' in Asia/Shanghai: the year of the number. */
  today: string;
  /** Checked with orgAbbreviationSchema when the org unit is configured; a bad one throws here. */
  orgAbbreviation: string;
  terminalNumber: string;
  /** Terminals of this org unit known locally, this one included. */
  terminalCount: number;
  /** Numbers already issued by this org unit (any terminal, any year). */
  issued: readonly CaseNumberParts[];
}

export function nextCaseNumber(input: NextCaseNumberInput): CaseNumberParts {
  const year = Number(input.today.slice(0, 4));
  return caseNumberPartsSchema.parse({
    year,
    orgAbbreviation: input.orgAbbreviation,
    terminalNumber: includesTerminal(input.terminalNumber, input.terminalCount)
      ? input.terminalNumber
      : null,
    sequence: nextSequence(input.issued, year, input.terminalNumber),
  });
}

// Longest suffix first, so that 畲族乡 is stripped whole and not only its 乡.
const COUNTY_SUFFIXES = ['畲族自治县', '自治县', '区', '县', '市'];
const COMMITTEE_SUFFIXES = ['人民调解委员会', '调解委员会', '调委会'];
const UNIT_SUFFIXES = [
  '街道办事处',
  '村村民委员会',
  '社区居民委员会',
  '居民委员会',
  '村民委员会',
  '畲族乡',
  '畲族镇',
  '民族乡',
  '街道',
  '社区',
  '居委会',
  '镇',
  '乡',
  '村',
];

/** Strips one suffix, once: a village called 沙村村 becomes 沙村, not 沙. */
function stripSuffix(name: string, suffixes: readonly string[]): string {
  const stem = name.trim();
  // Never strip a name down to nothing: a place called 城区 keeps its name.
  const suffix = suffixes.find((s) => stem.endsWith(s) && stem.length > s.length);
  return suffix ? stem.slice(0, -suffix.length) : stem;
}

/**
 * The default abbreviation: the county's first character and the unit's name without the committee
 * and administrative suffixes (鹿城区 + 五马街道人民调解委员会 → 鹿五马); the county centre itself uses
 * the county's name without suffix (鹿城区 → 鹿城). Names that still come out wrong (a village called
 * 新村 gives 新) are what the configured abbreviation is for.
 */
export function deriveOrgAbbreviation(countyName: string, unitName?: string): string {
  const county = stripSuffix(countyName, COUNTY_SUFFIXES);
  if (!unitName) return county;
  const unit = stripSuffix(stripSuffix(unitName, COMMITTEE_SUFFIXES), UNIT_SUFFIXES);
  return `${Array.from(county)[0] ?? ''}${unit}`;
}

/** The abbreviation the org unit configured, or the derived default when none is set. */
export function orgAbbreviation(
  configured: string | null | undefined,
  countyName: string,
  unitName?: string,
): string {
  const explicit = configured?.trim();
  return explicit ? explicit : deriveOrgAbbreviation(countyName, unitName);
}
