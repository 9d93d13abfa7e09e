import type { MethodInput, MethodName, Result } from '../../shared/api';
import {
  ADMIN,
  AGENT,
  CHENGDONG,
  CLERK,
  apiCall,
  apiSignIn,
  createUser,
  expect,
  seedAgencyTownship,
  takeOver,
  test,
  account,
} from '../fixtures';
import { residentIdNumber } from '../fixtures/case-seed';

/*
 * Issue 11 items 1 and 2 as an outside client would try them: the browser-mode HTTP API, with the
 * sessions of 城东社区's agent, 望江社区's auditor and the township's clerk on one terminal.
 */

const WANGJIANG = { code: '330324001002', name: '望江社区' } as const;
const AUDITOR = account('auditor', 'shenji02', '吴审计', 'Audit#Init2026', 'Wu#Shenji2026');
const QIAN = {
  name: '钱阿公',
  docNumber: residentIdNumber('1953-09-17', 271),
  phone: '13997318842',
};
const SUN = {
  name: '孙阿婆',
  docNumber: residentIdNumber('1951-04-26', 282),
  phone: '15836925714',
};

/** The whole answer, refusals included, as the renderer's HTTP client receives it. */
async function answer<M extends MethodName>(
  appUrl: string,
  method: M,
  input: MethodInput<M>,
  session: string,
): Promise<Result<unknown>> {
  const url = new URL(appUrl);
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-desk-secret': url.searchParams.get('secret') ?? '',
      'x-desk-session': session,
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<unknown>;
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

async function names(appUrl: string, session: string, query = '') {
  const found = await apiCall(appUrl, 'residents.search', { query }, session);
  return found.rows.map((row) => row.name).sort();
}

test('a village sees its own villagers; numbers are found whole; masks come without birth dates', async ({
  appUrl,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const admin = await apiSignIn(appUrl, ADMIN);
  const units = await apiCall(appUrl, 'orgUnits.list', {}, admin);
  const unitId = (code: string) => units.find((unit) => unit.code === code)!.id;
  await createUser(appUrl, admin, AUDITOR, unitId(WANGJIANG.code));
  await takeOver(appUrl, AUDITOR);
  const ids = new Map<string, string>();
  for (const [person, village] of [
    [QIAN, CHENGDONG.code],
    [SUN, WANGJIANG.code],
  ] as const) {
    const created = await apiCall(
      appUrl,
      'residents.create',
      { docType: 'resident_id', ...person, villageOrgId: unitId(village), address: '东城街道' },
      admin,
    );
    ids.set(person.name, created.id);
  }
  const sun = ids.get(SUN.name)!;
  const [agent, auditor, clerk] = [
    await apiSignIn(appUrl, AGENT),
    await apiSignIn(appUrl, AUDITOR),
    await apiSignIn(appUrl, CLERK),
  ];

  // The agent of 城东社区: its own villager only, by list, name, number or id.
  expect(await names(appUrl, agent)).toEqual([QIAN.name]);
  expect(await names(appUrl, agent, SUN.name)).toEqual([]);
  expect(await names(appUrl, agent, SUN.docNumber)).toEqual([]);
  const refused = await answer(appUrl, 'residents.get', { residentId: sun }, agent);
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'RESIDENT_OUT_OF_SCOPE',
      message:
        '该群众不是本村（社区）的居民，也没有由本村（社区）代办过事项，您无权查看或修改其档案',
    },
  });
  expect(
    codeOf(
      await answer(appUrl, 'residents.reveal', { residentId: sun, field: 'docNumber' }, agent),
    ),
  ).toBe('RESIDENT_OUT_OF_SCOPE');
  const edit = {
    residentId: sun,
    name: SUN.name,
    address: '改掉',
    villageOrgId: unitId(WANGJIANG.code),
  };
  expect(codeOf(await answer(appUrl, 'residents.update', edit, agent))).toBe(
    'RESIDENT_OUT_OF_SCOPE',
  );

  // 望江社区's auditor: its villager, masked, with nothing to reveal and no way to the other.
  expect(await names(appUrl, auditor)).toEqual([SUN.name]);
  expect(
    codeOf(await answer(appUrl, 'residents.get', { residentId: ids.get(QIAN.name)! }, auditor)),
  ).toBe('RESIDENT_OUT_OF_SCOPE');
  expect(
    codeOf(await answer(appUrl, 'residents.reveal', { residentId: sun, field: 'phone' }, auditor)),
  ).toBe('FORBIDDEN');

  // The township's clerk: every village, the age beside the mask and never the birth date.
  const listed = await answer(appUrl, 'residents.search', { query: '' }, clerk);
  expect(listed.ok && listed.value).toMatchObject({ total: 2 });
  const wire = JSON.stringify(listed);
  expect(wire).toContain(`${SUN.docNumber.slice(0, 6)}********${SUN.docNumber.slice(-4)}`);
  expect(wire).toContain('158****5714');
  for (const hidden of ['19510426', '1951-04-26', '1951年4月26日', SUN.docNumber, SUN.phone]) {
    expect(wire).not.toContain(hidden);
  }
  expect(
    listed.ok && (listed.value as { rows: { age: number | null }[] }).rows.map((row) => row.age),
  ).toEqual(expect.arrayContaining([expect.any(Number), expect.any(Number)]));

  // Forty searches that once recovered 158****5714 digit by digit now narrow nothing.
  const answers = new Set<string>();
  for (let place = 3; place < 7; place += 1) {
    for (let digit = 0; digit <= 9; digit += 1) {
      answers.add(
        JSON.stringify(await names(appUrl, clerk, SUN.phone.slice(0, place) + String(digit))),
      );
    }
  }
  expect([...answers]).toEqual(['[]']);
  expect(await names(appUrl, clerk, SUN.phone)).toEqual([SUN.name]);

  // Paging past the first 200 rows of the register is refused.
  expect(
    codeOf(await answer(appUrl, 'residents.search', { query: '', page: 11, pageSize: 20 }, clerk)),
  ).toBe('RESIDENT_BROWSE_CAPPED');
});
