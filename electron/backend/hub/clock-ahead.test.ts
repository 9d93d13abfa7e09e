import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdNumber } from '@shared/testing/people';
import { ADMIN_PASSWORD } from '../testing/harness';
import {
  COUNTY_SCENE_TIMEOUT_MS,
  countyWithTownship,
  type CountyScene,
} from '../testing/hub-terminal';

const DAY_MS = 24 * 3600_000;

let scene: CountyScene;
let session: string;

beforeAll(async () => {
  scene = await countyWithTownship();
  session = scene.townshipAdmin;
}, COUNTY_SCENE_TIMEOUT_MS);

afterAll(async () => {
  await scene?.close();
});

const NAMES = ['郑一', '郑二', '郑三'];

async function recordResident(born: number): Promise<void> {
  const { township } = scene;
  await township.ok(
    'residents.create',
    {
      docType: 'resident_id',
      docNumber: residentIdNumber('330324', '1980-01-01', born),
      name: NAMES[born - 1]!,
    },
    session,
  );
  await township.ok('hub.syncNow', {}, session);
}

describe('a PC clock far ahead of the county hub’s', () => {
  it('is told to the terminal’s user by how many days, and no longer once the clock is set right', async () => {
    const { township, county, countyAdmin } = scene;
    const status = () => township.ok('sync.status', {}, session);
    // A session lasts 12 hours of this PC's clock.
    const signIn = async () => {
      session = (
        await township.ok('auth.signIn', { username: 'yantou_admin', password: ADMIN_PASSWORD })
      ).token;
    };
    await recordResident(1);
    expect((await status()).clockWarning).toBeNull();

    township.clock.advance(400 * DAY_MS);
    await signIn();
    await recordResident(2);
    const ahead = await status();
    expect(ahead.waiting).toBe(0);
    const days = Math.round((township.clock.now() - Date.now()) / DAY_MS);
    expect(ahead.clockWarning).toMatch(/^本机时间与县级平台相差约 \d+ 天，请校准系统时间$/);
    const told = Number(/约 (\d+) 天/.exec(ahead.clockWarning!)![1]);
    expect(Math.abs(told - days)).toBeLessThanOrEqual(1);

    // The county centre's administrator sees which terminal it is and by how much.
    const rows = await county.ok('hub.listTerminals', {}, countyAdmin);
    const flagged = rows.filter((row) => row.clockAhead !== null);
    expect(flagged.map((row) => row.orgUnit.name)).toEqual(['岩头镇']);
    expect(Math.round(flagged[0]!.clockAhead!.aheadMs / DAY_MS)).toBeGreaterThan(300);

    // Set right: versions still run ahead until real time catches up, but this clock is fine.
    township.clock.advance(-400 * DAY_MS);
    await signIn();
    await recordResident(3);
    expect((await status()).clockWarning).toBeNull();
  });
});
