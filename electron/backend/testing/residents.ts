import { YANTOU } from '@shared/testing/org-units';
import { townshipFileTest, townshipTest } from './fixtures';
import { setUpDemoTownship, type Harness } from './harness';

/**
 * 岩头镇 of the demo tree (永嘉县), so that the township has villages; returns an admin session and the
 * ids of org units by division code.
 */
export async function setUpYantou(h: Harness) {
  const { admin } = await setUpDemoTownship(
    h,
    { orgName: YANTOU.centre, terminalName: '一号窗口' },
    YANTOU.divisionCode,
  );
  const units = await h.backend.runtime.db.selectFrom('org_units').select(['id', 'code']).execute();
  const ids = new Map(units.map((unit) => [unit.code, unit.id]));
  const org = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`no org unit ${code}`);
    return id;
  };
  return { admin, org };
}

/** The fixtures (testing/fixtures.ts) with 岩头镇 as the township, for each test or once for the file. */
export const yantouTest = townshipTest(setUpYantou);
export const yantouFileTest = townshipFileTest(setUpYantou);
