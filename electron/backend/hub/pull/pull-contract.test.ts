import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRecord } from '@shared/sync/records-contract';
import { residentIdNumber, CLERK } from '@shared/testing/people';
import { YONGJIA_AREA } from '@shared/testing/org-units';
import { UNREACHABLE_MESSAGE } from '../errors';
import { createHarness, type Harness } from '../../testing/harness';
import { pulledFromOutbox } from '../../testing/pulled-records';
import { SETUP_TIMEOUT_MS, setUpDemoTownship, signInAs } from '../../testing/township';
import { pullRecords } from './pull';

/*
 * A hub answering a page with a record out of the contract: the terminal refuses the page, writes
 * none of it and keeps its cursor, as for any answer not in the hub contract. The hub here is a
 * loopback server serving one page, the records a village terminal wrote.
 */

let village: Harness;
let township: Harness;
let records: PulledRecord[];
let page: unknown[] = [];
let server: Server;
let baseUrl: string;

const residentCount = async (h: Harness, name: string) =>
  (
    await h.backend.runtime.db
      .selectFrom('residents')
      .select('id')
      .where('name', '=', name)
      .execute()
  ).length;

const storedCursor = async (h: Harness) =>
  (
    await h.backend.runtime.db
      .selectFrom('sync_state')
      .select('pull_cursor')
      .executeTakeFirstOrThrow()
  ).pull_cursor;

describe('a pulled page out of the contract', { timeout: 4 * SETUP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    village = await createHarness();
    township = await createHarness();
    const v = await setUpDemoTownship(village);
    const clerk = await signInAs(village, v.admin, CLERK);
    await village.ok(
      'residents.create',
      {
        name: '孙阿姨',
        docType: 'resident_id',
        docNumber: residentIdNumber(YONGJIA_AREA, '1961-04-02', 24),
        address: '永嘉县东城街道城东路 21 号',
      },
      clerk,
    );
    records = (await pulledFromOutbox(village)).filter((record) => record.table === 'residents');
    await setUpDemoTownship(township);
    server = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ records: page, cursor: 'c1', more: false, remaining: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 4 * SETUP_TIMEOUT_MS);
  afterAll(async () => {
    server?.close();
    for (const h of [village, township]) await h?.cleanup();
  });

  const pull = () =>
    pullRecords(township.backend.runtime, { hub: { baseUrl, token: 't', appVersion: '0.1.0' } });

  it('is refused whole: none of its records written, the cursor where it was', async () => {
    const before = await storedCursor(township);
    const [resident] = records;
    page = [...records, { ...resident, recordId: 'not-a-uuid' }];
    expect(await pull()).toEqual({
      state: 'unreachable',
      applied: 0,
      problem: UNREACHABLE_MESSAGE,
    });
    expect(await residentCount(township, '孙阿姨')).toBe(0);
    expect(await storedCursor(township)).toBe(before);

    page = [...records, { ...resident, columns: { ...resident!.columns, name: { x: 1 } } }];
    expect((await pull()).state).toBe('unreachable');
    expect(await residentCount(township, '孙阿姨')).toBe(0);
  });

  it('is applied once it is in the contract', async () => {
    page = records;
    expect(await pull()).toMatchObject({ state: 'done', problem: null });
    expect(await residentCount(township, '孙阿姨')).toBe(1);
    expect(await storedCursor(township)).toBe('c1');
  });
});
