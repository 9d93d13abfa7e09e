import type BetterSqlite3 from 'better-sqlite3';
import type { DisputePartiesTable, ResidentsTable } from '../../electron/backend/db/schema';
import { COMPANY_KINDS, OCCUPATIONS } from './dispute-text';
import type { DisputeStory } from './dispute-story';
import { personName } from './names';
import { phone } from './people';
import type { Random } from './random';
import type { Staff } from './case-story';

type Particulars = Pick<
  ResidentsTable,
  | 'id'
  | 'name'
  | 'gender'
  | 'birth_date'
  | 'phone'
  | 'address'
  | 'doc_type'
  | 'doc_number'
  | 'ethnicity'
>;

const ROLES: DisputePartiesTable['role'][] = [
  'applicant',
  'respondent',
  'third_party',
  'respondent',
];

function age(birthDate: string | null, on: string): number | null {
  if (!birthDate) return null;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Credit codes of the shape partyValues checks (18 characters); the check digit is not verified there. */
function creditCode(random: Random): string {
  const tail = Array.from(
    { length: 9 },
    () => '0123456789ABCDEFGHJKLMNPQRTUWXY'[random.int(0, 30)],
  ).join('');
  return `91330324${String(random.int(0, 9))}${tail}`;
}

/**
 * The parties of a dispute: mostly residents from the register, whose particulars the party row
 * copies as partyValues does; now and then someone not on the register, or a company.
 */
export class PartyMaker {
  private readonly byRowid: BetterSqlite3.Statement;

  constructor(
    sqlite: BetterSqlite3.Database,
    private readonly random: Random,
  ) {
    this.byRowid = sqlite.prepare(
      'SELECT id, name, gender, birth_date, phone, address, doc_type, doc_number, ethnicity FROM residents WHERE rowid = ?',
    );
  }

  addParties(
    story: DisputeStory,
    actor: Staff,
    ms: number,
    registered: number,
    count: number,
    townshipName: string,
  ): void {
    const { random } = this;
    const on = story.row.registered_on;
    for (let position = 0; position < count; position++) {
      const role = ROLES[Math.min(position, ROLES.length - 1)]!;
      const blank = () => ({
        agent_name: null,
        agent_phone: null,
        attorney_date: null,
        notice_acknowledged_on: on,
        notice_method: 'written',
        dispute_id: story.row.id,
        position,
        role,
      });
      if (position > 0 && random.chance(0.07)) {
        story.add(
          story.parties,
          actor,
          ms,
          Object.assign(blank(), {
            kind: 'organisation' as const,
            resident_id: null,
            name: `永嘉县${townshipName.replace('街道', '')}${random.pick(COMPANY_KINDS)}有限公司`,
            gender: null,
            ethnicity: null,
            birth_date: null,
            age: null,
            occupation: null,
            phone: phone(random),
            address: `永嘉县${townshipName}工业区`,
            id_type: null,
            id_number: null,
            credit_code: creditCode(random),
            representative: personName(random, 'male'),
          }),
        );
        continue;
      }
      const resident = random.chance(0.85)
        ? (this.byRowid.get(random.int(1, registered)) as Particulars | undefined)
        : undefined;
      const gender = resident?.gender ?? (random.chance(0.5) ? 'male' : 'female');
      story.add(
        story.parties,
        actor,
        ms,
        Object.assign(blank(), {
          kind: 'person' as const,
          resident_id: resident?.id ?? null,
          name: resident?.name ?? personName(random, gender),
          gender,
          ethnicity: resident?.ethnicity ?? null,
          birth_date: resident?.birth_date ?? null,
          age: age(resident?.birth_date ?? null, on),
          occupation: random.pick(OCCUPATIONS),
          phone: resident?.phone ?? phone(random),
          address: resident?.address ?? null,
          id_type: resident ? resident.doc_type : null,
          id_number: resident ? resident.doc_number : null,
          credit_code: null,
          representative: null,
        }),
      );
    }
  }
}
