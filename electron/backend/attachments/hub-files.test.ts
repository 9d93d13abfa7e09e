import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_MAX } from '@shared/sync/blob-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import type { PulledRecord } from '@shared/sync/records-contract';
import { queueHandOffFiles } from '../hub/service';
import { createHarness, type Harness } from '../testing/harness';
import { COUNTY_SCENE_TIMEOUT_MS, joinHub } from '../testing/hub-terminal';
import {
  startCuttingProxy,
  startInProcessHub,
  type CuttingProxy,
  type InProcessHub,
} from '../testing/in-process-hub';
import { addResident, ensureItem, PENSION, signInAs } from '../testing/township';
import { fetchQueuedFiles, uploadPendingFiles } from './service';
import { sha256Hex } from './store';

/** 岩头镇 of the demo county. */
const YANTOU = orgUnitIdFromDivisionCode('330324108');

/** A scanned 户口簿 as a clerk stores it: a PDF of two and a half chunks. */
const SCAN = (() => {
  const bytes = Buffer.alloc(2 * BLOB_CHUNK_MAX + BLOB_CHUNK_MAX / 2, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes.write(randomUUID(), 4096, 'latin1');
  return bytes;
})();
const SCAN_SHA256 = sha256Hex(SCAN);

function hubFile(hub: InProcessHub, suffix = ''): string {
  return join(hub.blobsDir, hub.countyCode, SCAN_SHA256.slice(0, 2), `${SCAN_SHA256}${suffix}`);
}

/** The terminal's attachment files, temporary names included. */
function localFiles(h: Harness): string[] {
  const root = join(h.dataDir, 'attachments');
  return existsSync(root) ? readdirSync(root, { recursive: true, encoding: 'utf8' }) : [];
}

/**
 * Rows of one terminal copied into another, as the pull's applier will write them (the pull is
 * another part of issue 15): the case with its item, resident, materials and attachments.
 */
function copyCase(from: Harness, to: Harness, caseId: string): void {
  const source = from.backend.runtime.sqlite;
  const target = to.backend.runtime.sqlite;
  const row = source.prepare('SELECT item_id, resident_id FROM cases WHERE id = ?').get(caseId) as {
    item_id: string;
    resident_id: string;
  };
  const copies: [table: string, column: string, value: string][] = [
    ['service_items', 'id', row.item_id],
    ['service_item_versions', 'item_id', row.item_id],
    ['residents', 'id', row.resident_id],
    ['cases', 'id', caseId],
    ['case_materials', 'case_id', caseId],
    ['attachments', 'case_id', caseId],
  ];
  for (const [table, column, value] of copies) {
    const rows = source.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).all(value) as Record<
      string,
      unknown
    >[];
    for (const copied of rows) {
      const columns = Object.keys(copied);
      target
        .prepare(
          `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        )
        .run(copied);
    }
  }
}

describe('attachment files between terminals and the county hub', () => {
  let hub: InProcessHub;
  let proxyA: CuttingProxy;
  let proxyB: CuttingProxy;
  let county: Harness;
  /** 岩头镇's first window, where the scan is made, and its second window. */
  let a: Harness;
  let b: Harness;
  let clerkB: string;
  let codeFor: () => Promise<string>;
  let caseId: string;
  let attachmentId: string;

  beforeAll(async () => {
    hub = await startInProcessHub();
    proxyA = await startCuttingProxy(hub.url);
    proxyB = await startCuttingProxy(hub.url);
    county = await createHarness();
    const countyAdmin = await joinHub(county, hub.url, hub.firstCode, {
      terminalName: '县中心一号机',
    });
    codeFor = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, countyAdmin)).code;
    a = await createHarness();
    const adminA = await joinHub(a, proxyA.url, await codeFor(), { username: 'yantou_admin' });
    b = await createHarness();
    const adminB = await joinHub(b, proxyB.url, await codeFor(), {
      username: 'yantou_admin2',
      terminalName: '二号窗口',
    });
    const clerkA = await signInAs(a, adminA, {
      username: 'yantou_clerk',
      displayName: '王芳',
      role: 'clerk',
    });
    clerkB = await signInAs(b, adminB, {
      username: 'yantou_clerk2',
      displayName: '李娟',
      role: 'clerk',
    });
    const { id: residentId } = await addResident(a, { name: '孙大姐', serial: 62 });
    const opened = await a.ok(
      'cases.intake',
      {
        residentId,
        itemId: await ensureItem(a, PENSION),
        outcome: 'incomplete',
        materials: [{ position: 0, status: 'received' }],
      },
      clerkA,
    );
    caseId = opened.id;
    const stored = await a.ok(
      'attachments.upload',
      {
        caseId,
        caseMaterialId: opened.materials[0]!.id,
        fileName: '户口簿.pdf',
        mime: 'application/pdf',
        base64: SCAN.toString('base64'),
      },
      clerkA,
    );
    attachmentId = stored.id;
    // Each step below drives the transfers itself and counts their bytes through the proxies; the
    // background cycle would race it (its push, for one, writes the rows seenByYantou inserts).
    for (const h of [county, a, b]) await h.backend.runtime.hubSync.stop();
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    for (const h of [county, a, b]) await h?.cleanup();
    await proxyA?.close();
    await proxyB?.close();
    await hub?.close();
  });

  it('uploads a scan in chunks and, after the line is cut midway, sends only what the hub lacks', async () => {
    // The second chunk is cut halfway: the hub keeps the first whole chunk and nothing of the second.
    proxyA.cutAfter(BLOB_CHUNK_MAX + BLOB_CHUNK_MAX / 2);
    await expect(uploadPendingFiles(a.backend.runtime)).rejects.toThrow();
    expect(statSync(hubFile(hub, '.partial')).size).toBe(BLOB_CHUNK_MAX);
    expect(existsSync(hubFile(hub))).toBe(false);

    proxyA.resetCount();
    expect(await uploadPendingFiles(a.backend.runtime)).toBe(1);
    // The rest, not the whole file again.
    expect(proxyA.sentBytes()).toBeLessThan(SCAN.length - BLOB_CHUNK_MAX / 2);
    expect(readFileSync(hubFile(hub)).equals(SCAN)).toBe(true);
    const kept = await hub.db.selectFrom('sync_blobs').select(['sha256', 'mime']).execute();
    expect(kept).toEqual([{ sha256: SCAN_SHA256, mime: 'application/pdf' }]);

    // Known to be on the hub: the next cycle sends nothing.
    proxyA.resetCount();
    expect(await uploadPendingFiles(a.backend.runtime)).toBe(0);
    expect(proxyA.sentBytes()).toBe(0);
  });

  it('tells the second window the file is not here yet while the hub cannot be reached', async () => {
    copyCase(a, b, caseId);
    proxyB.setDown(true);
    const offline = await b.call('attachments.get', { attachmentId }, clerkB);
    expect(offline.ok ? null : offline.error).toEqual({
      code: 'ATTACHMENT_NOT_FETCHED',
      message: '附件尚未从县级平台取得，联网后可查看',
    });
    proxyB.setDown(false);
    // Online, but the push has not yet told the hub that 岩头镇 sees a record naming the file.
    const unseen = await b.call('attachments.get', { attachmentId }, clerkB);
    expect(unseen.ok ? null : unseen.error.code).toBe('ATTACHMENT_NOT_FETCHED');
    expect(localFiles(b)).toEqual([]);
  });

  it('refuses a file that arrives damaged and keeps nothing of it', async () => {
    await seenByYantou(hub, caseId, attachmentId);
    const good = readFileSync(hubFile(hub));
    const damaged = Buffer.from(good);
    damaged.write('X', BLOB_CHUNK_MAX + 7, 'latin1');
    writeFileSync(hubFile(hub), damaged);
    try {
      const answer = await b.call('attachments.get', { attachmentId }, clerkB);
      expect(answer.ok ? null : answer.error).toEqual({
        code: 'ATTACHMENT_CORRUPT',
        message: '从县级平台取得的附件文件与记录的校验值不符，未保存，请稍后再试',
      });
      expect(localFiles(b)).toEqual([]);
    } finally {
      writeFileSync(hubFile(hub), good);
    }
  });

  it('gives the second window of the unit the scan when the record is opened, and keeps it', async () => {
    const opened = await b.ok('attachments.get', { attachmentId }, clerkB);
    expect(Buffer.from(opened.base64, 'base64').equals(SCAN)).toBe(true);
    expect(opened.sha256).toBe(SCAN_SHA256);
    // Kept under its hash: opened again offline, it is there.
    proxyB.setDown(true);
    try {
      const again = await b.ok('attachments.get', { attachmentId }, clerkB);
      expect(again.size).toBe(SCAN.length);
    } finally {
      proxyB.setDown(false);
    }
  });

  it('fetches ahead of time the files of a case handed to the unit, before anyone opens it', async () => {
    const c = await createHarness();
    try {
      await joinHub(c, hub.url, await codeFor(), {
        username: 'yantou_admin3',
        terminalName: '三号窗口',
      });
      await c.backend.runtime.hubSync.stop();
      copyCase(a, c, caseId);
      const rt = c.backend.runtime;
      // As a village's agency case stands once handed over (hand-off.test.ts goes the whole way).
      rt.sqlite
        .prepare('UPDATE cases SET agency_org_id = ? WHERE id = ?')
        .run(orgUnitIdFromDivisionCode('330324108201'), caseId);
      const record: PulledRecord = {
        table: 'cases',
        recordId: caseId,
        orgUnitId: YANTOU,
        version: '0',
        columns: {},
        access: 'owner',
      };
      await rt.db
        .transaction()
        .execute((trx) => queueHandOffFiles(trx, [record], YANTOU, rt.stamper.nowIso()));
      expect(await fetchQueuedFiles(rt)).toBe(1);
      expect(localFiles(c)).toEqual([
        SCAN_SHA256.slice(0, 2),
        join(SCAN_SHA256.slice(0, 2), SCAN_SHA256),
      ]);
      expect(readFileSync(join(c.dataDir, 'attachments', localFiles(c)[1]!)).equals(SCAN)).toBe(
        true,
      );
      expect(await fetchQueuedFiles(rt)).toBe(0);
    } finally {
      await c.cleanup();
    }
  });
});

/** What the push leaves on the hub for A's attachment (wt-hubpush's part): 岩头镇 owns the case. */
async function seenByYantou(hub: InProcessHub, caseId: string, attachmentId: string) {
  await hub.db
    .insertInto('sync_records')
    .values({
      county_code: hub.countyCode,
      table_name: 'attachments',
      record_id: attachmentId,
      org_unit_id: YANTOU,
      root_table: 'cases',
      root_id: caseId,
      version: '0',
      columns: JSON.stringify({ id: attachmentId, case_id: caseId, sha256: SCAN_SHA256 }),
      field_versions: JSON.stringify({}),
      deleted: false,
      change_seq: 1,
      origin_terminal_id: 'a',
      updated_at: new Date(),
    })
    .execute();
  await hub.db
    .insertInto('sync_visibility')
    .values({ county_code: hub.countyCode, root_id: caseId, unit_id: YANTOU, access: 'owner' })
    .execute();
}
