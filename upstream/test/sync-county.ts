import type { Kysely } from 'kysely';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { SYNC_PATHS, type PushEntry } from '@shared/sync/records-contract';
import type { HubDatabase } from '../src/db/schema';
import { startTestHub, type CallResult, type TestHub } from './test-hub';
import { TerminalLog } from './terminal-log';

/** One enrolled terminal with its change log. */
export interface SyncTerminal {
  token: string;
  terminalId: string;
  unitId: string;
  log: TerminalLog;
  push(entries: PushEntry[], epoch?: string): Promise<CallResult>;
}

/**
 * The test county of test-hub.ts with a terminal at each unit: 东城街道 (township, two windows), its
 * village 城东社区, 北城街道 (another township) and the county centre.
 */
export async function syncCounty(db: Kysely<HubDatabase>) {
  const hub: TestHub = await startTestHub(db);
  const centreAnswer = (await hub.enrol(hub.firstCode)).body;
  const terminal = (answer: CallResult['body']): SyncTerminal => {
    const log = new TerminalLog(answer.terminalId, answer.orgUnit.id);
    return {
      token: answer.token,
      terminalId: answer.terminalId,
      unitId: answer.orgUnit.id,
      log,
      push: (entries, epoch = log.epoch) =>
        hub.call('POST', SYNC_PATHS.push, { token: answer.token, body: { epoch, entries } }),
    };
  };
  const enrolAt = async (orgUnitCode: string) => {
    const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: centreAnswer.token,
      body: { orgUnitCode },
    });
    return terminal((await hub.enrol(code.body.code)).body);
  };
  return {
    hub,
    /** Enrols one more terminal at a unit (its division code). */
    enrolAt,
    centre: terminal(centreAnswer),
    window1: await enrolAt(`${hub.countyCode}001`),
    window2: await enrolAt(`${hub.countyCode}001`),
    village: await enrolAt(`${hub.countyCode}001001`),
    north: await enrolAt(`${hub.countyCode}002`),
  };
}

/** The records a unit's feed holds, in feed order, as "table/id". */
export async function feedOf(db: Kysely<HubDatabase>, countyCode: string, unitId: string) {
  const rows = await db
    .selectFrom('sync_feed')
    .select(['table_name', 'record_id'])
    .where('county_code', '=', countyCode)
    .where('unit_id', '=', unitId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => `${row.table_name}/${row.record_id}`);
}

/** unit id → access for a root. */
export async function visibilityOf(db: Kysely<HubDatabase>, countyCode: string, rootId: string) {
  const rows = await db
    .selectFrom('sync_visibility')
    .select(['unit_id', 'access'])
    .where('county_code', '=', countyCode)
    .where('root_id', '=', rootId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.unit_id, row.access]));
}

export async function hubRecord(
  db: Kysely<HubDatabase>,
  countyCode: string,
  table: string,
  recordId: string,
) {
  return db
    .selectFrom('sync_records')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('table_name', '=', table)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
}
