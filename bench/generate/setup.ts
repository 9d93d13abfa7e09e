import type { MethodInput, MethodName, MethodOutput, Role } from '@shared/api';
import type { DisputeType } from '@shared/domain/mediation/vocabulary';
import { startBackend, type Backend } from '../../electron/backend/app/backend';
import type { WallClock } from '../../electron/backend/core/clock';
import { personName } from './names';
import { phone } from './people';
import type { Random } from './random';

/** The township the bench terminal serves: 瓯北街道 of 永嘉县, the largest in the demo org tree. */
const TOWNSHIP_CODE = '330324009';
const TOWNSHIP_NAME = '瓯北街道';
/** Every bench account ends up with this password; the bench signs in with it. */
export const BENCH_PASSWORD = 'Bench#2026a';
const INITIAL_PASSWORD = 'Start#2016a';
const WINDOW_NAMES = ['一号窗口', '二号窗口', '三号窗口', '四号窗口', '五号窗口', '六号窗口'];

interface Account {
  id: string;
  username: string;
  displayName: string;
}

interface OrgRef {
  id: string;
  code: string;
  name: string;
}

export interface SetUpTerminal {
  township: OrgRef;
  county: OrgRef;
  terminalId: string;
  villages: OrgRef[];
  admin: Account;
  clerks: Account[];
  supervisor: Account;
  mediator: Account;
  agents: Account[];
  /** One mediator account per village committee, in the order of `villages`. */
  villageMediators: Account[];
  windowNames: string[];
  /** Mediator ids of the township committee and of each village's committee, by org id. */
  mediators: Map<string, { id: string; name: string }[]>;
}

type Call = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  session?: string,
) => Promise<MethodOutput<M>>;

function caller(backend: Backend): Call {
  return async (method, input, session) => {
    const result = await backend.call({ method, input, session });
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
}

async function signInChanging(call: Call, username: string, password: string): Promise<string> {
  const first = await call('auth.signIn', { username, password });
  await call(
    'auth.changePassword',
    { currentPassword: password, newPassword: BENCH_PASSWORD },
    first.token,
  );
  return first.token;
}

/**
 * Sets the terminal up the way an installer does, through the backend's own methods: the first-run
 * wizard with the demo org tree (which also seeds the holiday calendar and the service catalogue),
 * then the accounts of the centre and the mediation rosters. `clock` stands at the day the terminal
 * was installed, ten years back.
 */
export async function setUpTerminal(
  dataDir: string,
  clock: WallClock,
  random: Random,
): Promise<SetUpTerminal> {
  const backend = await startBackend({ dataDir, appVersion: 'bench', clock, log: () => {} });
  try {
    const call = caller(backend);
    const setup = await call('setup.initialize', {
      level: 'township',
      divisionCode: TOWNSHIP_CODE,
      orgName: TOWNSHIP_NAME,
      terminalName: WINDOW_NAMES[0]!,
      terminalNumber: '01',
      admin: { username: 'admin', displayName: '系统管理员', password: INITIAL_PASSWORD },
      loadDemoOrgTree: true,
    });
    const adminToken = await signInChanging(call, 'admin', INITIAL_PASSWORD);
    const orgs = await backend.runtime.db
      .selectFrom('org_units')
      .select(['id', 'code', 'name', 'level', 'parent_id'])
      .execute();
    const township = setup.orgUnit;
    const villages = orgs.filter((org) => org.parent_id === township.id);
    const county = orgs.find((org) => org.level === 'county')!;

    /** Only the accounts the bench signs in with change their first password: scrypt is slow. */
    const account = async (username: string, role: Role, orgUnitId?: string, signIn = false) => {
      const displayName = personName(random, random.chance(0.5) ? 'male' : 'female');
      const created = await call(
        'users.create',
        { username, displayName, role, orgUnitId, initialPassword: INITIAL_PASSWORD },
        adminToken,
      );
      if (signIn) await signInChanging(call, username, INITIAL_PASSWORD);
      return { id: created.id, username, displayName };
    };
    const clerks: Account[] = [];
    for (let i = 1; i <= WINDOW_NAMES.length; i++) {
      clerks.push(await account(`clerk${String(i).padStart(2, '0')}`, 'clerk', undefined, i === 1));
    }
    const supervisor = await account('supervisor', 'supervisor', undefined, true);
    const mediator = await account('mediator', 'mediator', undefined, true);
    const agents: Account[] = [];
    for (const [index, village] of villages.entries()) {
      agents.push(await account(`agent${String(index + 1).padStart(2, '0')}`, 'agent', village.id));
    }
    const villageMediators: Account[] = [];
    for (const [index, village] of villages.entries()) {
      villageMediators.push(
        await account(`vmediator${String(index + 1).padStart(2, '0')}`, 'mediator', village.id),
      );
    }
    const supervisorToken = (
      await call('auth.signIn', { username: 'supervisor', password: BENCH_PASSWORD })
    ).token;
    const mediators = new Map<string, { id: string; name: string }[]>();
    for (const [index, org] of [township, ...villages].entries()) {
      const own = org.id === township.id;
      const user = own ? mediator : villageMediators[index - 1]!;
      const roster: { id: string; name: string }[] = [];
      for (let i = 0; i < (own ? 6 : 3); i++) {
        const gender = random.chance(0.6) ? 'male' : 'female';
        const created = await call(
          'mediators.create',
          {
            name: i === 0 ? user.displayName : personName(random, gender),
            gender,
            phone: phone(random),
            userId: i === 0 ? user.id : null,
            committeeKind: own ? 'township' : 'village',
            background: random.pick(
              own
                ? ['retired_judge', 'judicial_admin', 'lawyer', 'retired_police', 'community_elite']
                : ['village_cadre', 'grid_worker', 'party_member', 'community_elite'],
            ),
            specialties: SPECIALTIES.filter(() => random.chance(0.3)),
            note: null,
            orgUnitId: org.id,
          },
          supervisorToken,
        );
        roster.push({ id: created.id, name: created.name });
      }
      mediators.set(org.id, roster);
    }
    return {
      township: { id: township.id, code: township.code, name: township.name },
      county: { id: county.id, code: county.code, name: county.name },
      terminalId: setup.terminal.id,
      villages: villages.map((v) => ({ id: v.id, code: v.code, name: v.name })),
      admin: {
        id: await adminId(backend),
        username: 'admin',
        displayName: '系统管理员',
      },
      clerks,
      supervisor,
      mediator,
      agents,
      villageMediators,
      windowNames: WINDOW_NAMES,
      mediators,
    };
  } finally {
    await backend.close();
  }
}

async function adminId(backend: Backend): Promise<string> {
  const row = await backend.runtime.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  return row.id;
}

const SPECIALTIES: DisputeType[] = [
  'marriage_family',
  'neighbour',
  'house_homestead',
  'contract',
  'damages',
  'labour',
  'traffic_accident',
];
