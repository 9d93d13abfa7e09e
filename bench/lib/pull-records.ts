/** The generated records of the pull benchmarks (bench/pull.ts), as the hub stores them. */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林潘郑';
const GIVEN = '秀英建国志强美玲海燕小红伟明丽华桂兰德福春梅';

function hlc(n: number): string {
  const wall = Date.parse('2026-01-01T00:00:00.000Z') + n;
  return `${new Date(wall).toISOString()}-0000-00000000-0000-4000-8000-000000000001`;
}

function uuid(kind: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0190${kind.toString(16).padStart(4, '0')}-0000-7000-8000-${hex}`;
}

/** A resident's own columns (no sync columns), the `i`th of a bench run, living in `village`. */
export function benchResidentColumns(i: number, village: string) {
  return {
    doc_type: 'resident_id',
    doc_number: `330324${String(19500101 + (i % 28)).padStart(8, '0')}${String(i).padStart(4, '0').slice(-4)}${i}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3) % GIVEN.length]}`,
    gender: i % 2 ? 'male' : 'female',
    birth_date: '1950-01-01',
    phone: `139${String(i).padStart(8, '0')}`,
    address: `永嘉县岩头镇岩头村${(i % 300) + 1} 号`,
    village_org_id: village,
    ethnicity: null,
    initials: 'wxy',
  };
}

/** A completed case's own columns (no sync columns), the `i`th of a bench run, taken in at `at`. */
export function benchCaseColumns(
  i: number,
  item: { id: string; versionId: string; name: string },
  residentId: string,
  at: string,
) {
  const date = at.slice(0, 10);
  return {
    case_no: `2026-0108-01-${String(i).padStart(6, '0')}`,
    official_no: null,
    item_id: item.id,
    item_version_id: item.versionId,
    item_name: item.name,
    item_type: 'promised',
    promised_days: 20,
    resident_id: residentId,
    applicant_name: '王秀英',
    applicant_initials: 'wxy',
    state: 'completed',
    channel: 'counter',
    agent_user_id: null,
    agency_org_id: null,
    agency_reason: null,
    attorney_date: null,
    handoff_due_date: null,
    handed_over_at: null,
    received_at: at,
    received_date: date,
    accepted_at: at,
    accepted_date: date,
    due_date: '2026-12-29',
    paused_since: null,
    paused_working_days: 0,
    completed_at: at,
    completed_date: date,
    handed_out_at: null,
    result_note: '已按规定办结，结果已告知申请人',
    reject_reason: null,
    redirect_to: null,
    handler_id: null,
    counter_contact: '0577-57661234',
  };
}

export interface BenchRecord {
  table: 'residents' | 'cases';
  id: string;
  rootId: string;
  version: string;
  columns: Record<string, string | number | null>;
}

/**
 * The records as the push side stores them, each record's columns as the terminal's row: 20%
 * residents of `units.village`, 80% cases of those residents at `units.township`.
 */
export function pullBenchRecords(
  total: number,
  item: { id: string; versionId: string; name: string },
  units: { township: string; village: string },
): BenchRecord[] {
  const residents = Math.floor(total / 5);
  const rows: BenchRecord[] = [];
  const sync = (n: number) => ({
    org_unit_id: units.township,
    created_at: '2026-01-01T01:00:00.000Z',
    created_by: null,
    updated_at: '2026-01-01T01:00:00.000Z',
    updated_by: null,
    origin_terminal_id: '00000000-0000-4000-8000-000000000001',
    version: hlc(n),
    deleted_at: null,
  });
  for (let i = 0; i < residents; i += 1) {
    const id = uuid(1, i);
    rows.push({
      table: 'residents',
      id,
      rootId: id,
      version: hlc(i),
      columns: { id, ...sync(i), ...benchResidentColumns(i, units.village) },
    });
  }
  for (let i = residents; i < total; i += 1) {
    const id = uuid(2, i);
    const residentId = uuid(1, i % residents);
    rows.push({
      table: 'cases',
      id,
      rootId: id,
      version: hlc(i),
      columns: {
        id,
        ...sync(i),
        ...benchCaseColumns(i, item, residentId, '2026-01-01T01:00:00.000Z'),
      },
    });
  }
  return rows;
}
