import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import { CHENGDONG, DONGCHENG } from '@shared/testing/org-units';
import { CLERK, neighbourDispute, VILLAGE_AGENT } from '@shared/testing/people';
import {
  mediationSettingsIdFromOrgUnit,
  orgUnitIdFromDivisionCode,
  serviceItemIdFromCode,
  serviceItemVersionId,
} from '@shared/sync/natural-ids';
import { backupPath, listAll } from '../../backup/service';
import { DomainError } from '../../core/errors';
import {
  ADMIN_PASSWORD,
  createHarness,
  createSignedInUser,
  NEW_ADMIN_PASSWORD,
  type Harness,
} from '../../testing/harness';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../../testing/county-hub';
import { assignAndHold, zhangAndLi } from '../../testing/mediation-inputs';
import { sharedIds, textColumns } from '../../testing/ids-of-before';
import { standaloneTerminalOfBefore } from '../../testing/standalone-terminal';
import { addResident, ensureItem } from '../../testing/township';
import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import shippedCatalogue from '../../../../resources/service-catalogue.json';
import { publishReference } from '../reference-client';
import { shippedCatalogueCodes } from './plan';

const COUNTY = '330324';
const PENSION = 'ZJ-XZ-0003';
/** The township's own item before it joined; the county's catalogue has it too. */
const COUNTY_ITEM = 'YJ-LOCAL-01';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function refused(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** Every row of every table, as text: equal dumps are equal databases. */
function dump(sqlite: BetterSqlite3.Database): Record<string, string[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      sqlite
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

function rowCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  return Object.fromEntries(
    Object.entries(dump(sqlite)).map(([table, rows]) => [table, rows.length]),
  );
}

/** Where an id of `old` still appears: table.column → how many rows. */
function oldIdsLeft(sqlite: BetterSqlite3.Database, old: Set<string>): Record<string, number> {
  sqlite.function('holds_old_id', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' &&
    (text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).some((id) =>
      old.has(id),
    )
      ? 1
      : 0,
  );
  const left: Record<string, number> = {};
  for (const [table, column] of textColumns(sqlite)) {
    const count = sqlite
      .prepare(`SELECT count(*) FROM "${table}" WHERE holds_old_id("${column}")`)
      .pluck()
      .get() as number;
    if (count > 0) left[`${table}.${column}`] = count;
  }
  return left;
}

/**
 * A township set up standalone before the hub, with a year's kind of work on it, joins its county:
 * its ids become the county's, nothing it recorded is lost or renumbered, and the step is taken
 * once, after a backup, or not at all.
 */
describe('a standalone terminal joining its county', () => {
  let hubDir: string;
  let hub: CountyHub;
  let county: Harness;
  let countyAdmin: string;
  let township: Harness;
  let admin: string;
  let before: {
    ids: Set<string>;
    counts: Record<string, number>;
    caseNos: unknown[];
    disputeNos: unknown[];
    counterCaseId: string;
  };
  /** Issued for the first attempt, which the failed backup stopped before the hub saw it. */
  let unusedCode: string;
  let countyItemCodes: Set<string>;

  const issueCode = async () =>
    (
      await county.ok(
        'hub.issueCode',
        { orgUnitId: orgUnitIdFromDivisionCode(DONGCHENG.divisionCode) },
        countyAdmin,
      )
    ).code;

  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'desk-hub-'));
    hub = await startCountyHub(join(hubDir, 'hub'));
    county = await createHarness();
    await county.ok('hub.join', { hubUrl: hub.url, code: hub.firstCode });
    await county.ok('hub.completeSetup', {
      terminalName: '县中心一号机',
      admin: { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD },
    });
    countyAdmin = (await county.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD }))
      .token;
    // The county's catalogue differs from the shipped one: it has taken the township's local item
    // in and left the pension item to the townships. Its edition, not the shipped file, decides.
    const shipped = serviceCatalogueFileSchema.parse(shippedCatalogue);
    const shippedPension = shipped.items.find((item) => item.code === PENSION)!;
    await publishReference(
      { baseUrl: hub.url, token: county.backend.runtime.hubTokens.read(), appVersion: 'test' },
      'catalogue',
      {
        baseEdition: 0,
        payload: {
          edition: '2026-12',
          items: [
            ...shipped.items.filter((item) => item.code !== PENSION),
            { ...shippedPension, code: COUNTY_ITEM, name: '老年优待证办理' },
          ],
        },
      },
    );
    countyItemCodes = new Set([
      ...[...shippedCatalogueCodes()].filter((code) => code !== PENSION),
      COUNTY_ITEM,
    ]);

    township = await createHarness();
    const signed = await standaloneTerminalOfBefore(township);
    admin = signed.admin;
    const h = township;
    const units = await h.ok('orgUnits.list', {}, admin);
    const unitId = (code: string) => units.find((unit) => unit.code === code)!.id;
    const townshipId = unitId(DONGCHENG.divisionCode);
    const villageId = unitId(CHENGDONG.code);
    expect(townshipId).not.toBe(orgUnitIdFromDivisionCode(DONGCHENG.divisionCode));

    const clerk = (await createSignedInUser(h, admin, { ...CLERK, orgUnitId: townshipId })).token;
    const agent = (await createSignedInUser(h, admin, { ...VILLAGE_AGENT, orgUnitId: villageId }))
      .token;
    const mediator = (
      await createSignedInUser(h, admin, {
        username: 'med_a',
        displayName: '陈秀英',
        role: 'mediator',
        orgUnitId: villageId,
      })
    ).token;

    // The township's own item, beside the shipped catalogue.
    const pension = await ensureItem(h, PENSION);
    const pensionItem = await h.ok('catalogue.get', { itemId: pension }, admin);
    const local = await h.ok(
      'catalogue.save',
      {
        fields: {
          ...pensionItem,
          code: COUNTY_ITEM,
          name: '老年优待证办理',
          aliases: [],
        },
      },
      admin,
    );

    const { id: residentId } = await addResident(h, {
      name: '钱老伯',
      serial: 51,
      villageOrgId: villageId,
    });
    const counter = await h.ok(
      'cases.intake',
      {
        residentId,
        itemId: pension,
        outcome: 'incomplete',
        materials: [{ position: 0, status: 'received' }],
      },
      clerk,
    );
    await h.ok(
      'attachments.upload',
      {
        caseId: counter.id,
        caseMaterialId: counter.materials[0]!.id,
        fileName: '身份证.png',
        mime: 'image/png',
        base64: PNG.toString('base64'),
      },
      clerk,
    );
    const filed = await h.ok(
      'cases.agencyIntake',
      {
        residentId,
        itemId: pension,
        materials: [0, 1, 2, 3, 4, 5].map((position) => ({ position, status: 'received' })),
        attorneyDate: '2026-11-26',
        reason: '申请人年老行动不便',
      },
      agent,
    );
    await h.ok('cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);
    await h.ok(
      'drafts.save',
      { formKey: 'intake', data: { itemId: local.itemId, residentId, note: '明天补材料' } },
      clerk,
    );

    const rosterId = (
      await h.ok(
        'mediators.create',
        {
          name: '陈秀英',
          committeeKind: 'village',
          background: 'retired_judge',
          specialties: [],
          orgUnitId: villageId,
        },
        signed.supervisor,
      )
    ).id;
    const { dispute } = await h.ok('mediation.register', neighbourDispute(zhangAndLi()), mediator);
    await assignAndHold(h, mediator, dispute.id, rosterId);
    await h.ok(
      'mediation.recordFailure',
      { disputeId: dispute.id, reason: '双方分歧较大', routesTold: ['litigation'] },
      mediator,
    );
    await h.ok('mediation.escalate', { disputeId: dispute.id, reason: '需街道协调' }, mediator);

    const { sqlite } = h.backend.runtime;
    before = {
      ids: sharedIds(sqlite),
      counts: rowCounts(sqlite),
      caseNos: sqlite.prepare('SELECT id, case_no FROM cases ORDER BY id').all(),
      disputeNos: sqlite.prepare('SELECT id, case_no FROM disputes ORDER BY id').all(),
      counterCaseId: counter.id,
    };
  }, HUB_START_TIMEOUT_MS + 240_000);

  afterAll(async () => {
    await county?.cleanup();
    await township?.cleanup();
    await hub?.stop();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('refuses to join when the backup before the matching fails, and the code stays usable', async () => {
    const { backups, sqlite } = township.backend.runtime;
    const run = backups.run;
    backups.run = () => Promise.reject(new DomainError('BACKUP_FAILED', '备份未完成（磁盘错误）'));
    const untouched = dump(sqlite);
    const code = await issueCode();
    try {
      const refusal = refused(
        await township.call('hub.reconnect', { hubUrl: hub.url, code }, admin),
      );
      expect(refusal).toMatchObject({
        code: 'HUB_REMATCH_BACKUP_FAILED',
        message: expect.stringMatching(
          /备份未完成.*未连接县级平台，本机数据未作改动，加入码仍可使用/,
        ),
      });
    } finally {
      backups.run = run;
    }
    expect(dump(sqlite)).toEqual(untouched);
    expect((await township.ok('hub.status', {}, admin)).state).toBe('standalone');
    unusedCode = code;
  });

  it('leaves the database exactly as it was when the step fails midway', async () => {
    const { sqlite } = township.backend.runtime;
    const untouched = dump(sqlite);
    // The change log's payloads come late in the list: by then units, items and cases are rewritten.
    sqlite.exec(`CREATE TRIGGER crash_midway BEFORE UPDATE OF payload ON outbox
      BEGIN SELECT RAISE(ABORT, 'power cut'); END`);
    try {
      const result = await township.call(
        'hub.reconnect',
        { hubUrl: hub.url, code: await issueCode() },
        admin,
      );
      expect(result.ok).toBe(false);
    } finally {
      sqlite.exec('DROP TRIGGER crash_midway');
    }
    expect(dump(sqlite)).toEqual(untouched);
    // It got as far as the step: its backup was taken.
    const reasons = listAll(township.backend.runtime).map((backup) => backup.reason);
    expect(reasons.filter((reason) => reason === 'pre-rematch')).toHaveLength(1);
    expect((await township.ok('hub.status', {}, admin)).state).toBe('standalone');
    expect(township.backend.runtime.terminal?.orgUnitId).not.toBe(
      orgUnitIdFromDivisionCode(DONGCHENG.divisionCode),
    );
  });

  it('matches every unit, item and setting to the county’s ids and re-points every record, after a backup', async () => {
    const h = township;
    const joined = await h.ok('hub.reconnect', { hubUrl: hub.url, code: unusedCode }, admin);
    expect(joined.state).toBe('connected');
    expect(joined.rematched).toMatch(
      /^已按县级平台统一编码整理本机数据：单位 \d+ 个、事项 \d+ 项、事项版本 \d+ 个、调解设置 1 条，整理前已备份到 desk-.*-pre-rematch\.sqlite\.gz$/,
    );
    const { sqlite } = h.backend.runtime;

    // Every id natural: units by division code, items by issuer and code, versions by number.
    const units = sqlite.prepare('SELECT id, code FROM org_units').all() as {
      id: string;
      code: string;
    }[];
    for (const unit of units) expect(unit.id).toBe(orgUnitIdFromDivisionCode(unit.code));
    const items = sqlite.prepare('SELECT id, code FROM service_items').all() as {
      id: string;
      code: string;
    }[];
    // The township's own item was created with its natural id (issued by the township) and keeps
    // it; the county's item of the same code then arrives with the sync cycle, and both are kept.
    for (const item of items.filter((item) => item.code !== COUNTY_ITEM)) {
      const issuer = countyItemCodes.has(item.code) ? COUNTY : DONGCHENG.divisionCode;
      expect(item.id, item.code).toBe(serviceItemIdFromCode(issuer, item.code));
    }
    expect(
      items
        .filter((item) => item.code === COUNTY_ITEM)
        .map((item) => item.id)
        .sort(),
    ).toEqual(
      [
        serviceItemIdFromCode(COUNTY, COUNTY_ITEM),
        serviceItemIdFromCode(DONGCHENG.divisionCode, COUNTY_ITEM),
      ].sort(),
    );
    const versions = sqlite
      .prepare('SELECT id, item_id, number FROM service_item_versions')
      .all() as { id: string; item_id: string; number: number }[];
    for (const version of versions)
      expect(version.id).toBe(serviceItemVersionId(version.item_id, version.number));
    const settings = sqlite.prepare('SELECT id, org_unit_id FROM mediation_settings').get() as {
      id: string;
      org_unit_id: string;
    };
    expect(settings.id).toBe(mediationSettingsIdFromOrgUnit(settings.org_unit_id));

    // Nothing lost or renumbered; no old id left anywhere but in the append-only audit log.
    const counts = rowCounts(sqlite);
    for (const [table, count] of Object.entries(before.counts)) {
      if (
        [
          'audit_log',
          'outbox',
          'settings',
          'org_units',
          'terminals',
          'reference_editions',
          // Sync bookkeeping: the joined terminal uploads its attachment files at once.
          'attachment_files',
        ].includes(table)
      )
        continue;
      // The county's item of the township's code: one item and its first version more.
      const added = ['service_items', 'service_item_versions', 'service_items_fts'].includes(table);
      expect(counts[table], table).toBe(count + (added ? 1 : 0));
    }
    expect(counts.org_units).toBeGreaterThanOrEqual(before.counts.org_units!);
    expect(sqlite.prepare('SELECT id, case_no FROM cases ORDER BY id').all()).toEqual(
      before.caseNos,
    );
    expect(sqlite.prepare('SELECT id, case_no FROM disputes ORDER BY id').all()).toEqual(
      before.disputeNos,
    );
    const ownItem = serviceItemIdFromCode(DONGCHENG.divisionCode, COUNTY_ITEM);
    const natural = new Set([ownItem, serviceItemVersionId(ownItem, 1)]);
    const oldIds = new Set([...before.ids].filter((id) => !natural.has(id)));
    const left = Object.keys(oldIdsLeft(sqlite, oldIds));
    expect(left.filter((column) => !column.startsWith('audit_log.'))).toEqual([]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await h.ok('audit.verify', {}, admin)).ok).toBe(true);
    const audit = await h.ok('audit.list', { page: 1, pageSize: 5, action: 'hub.rematch' }, admin);
    expect(audit.rows[0]?.detail).toMatch(/改写引用 \d+ 处；整理前备份 desk-.*-pre-rematch/);

    // The terminal works on under the new ids: its case, its draft, a new case.
    const townshipId = orgUnitIdFromDivisionCode(DONGCHENG.divisionCode);
    expect(h.backend.runtime.terminal?.orgUnitId).toBe(townshipId);
    expect((await h.ok('system.status', {})).orgUnit?.id).toBe(townshipId);
    const clerk = (
      await h.ok('auth.signIn', { username: CLERK.username, password: NEW_ADMIN_PASSWORD })
    ).token;
    const counter = await h.ok('cases.get', { caseId: before.counterCaseId }, clerk);
    expect(counter).toMatchObject({
      itemId: serviceItemIdFromCode(DONGCHENG.divisionCode, PENSION),
      orgUnitId: townshipId,
    });
    const draft = await h.ok('drafts.get', { formKey: 'intake' }, clerk);
    expect(draft?.data.itemId).toBe(serviceItemIdFromCode(DONGCHENG.divisionCode, COUNTY_ITEM));

    // The backup holds the terminal as it was, old ids and all.
    const backup = listAll(h.backend.runtime).find((b) => b.reason === 'pre-rematch')!;
    expect(joined.rematched).toContain(backup.name);
    const copy = join(hubDir, 'before.sqlite');
    writeFileSync(copy, gunzipSync(readFileSync(backupPath(h.dataDir, backup.name)!)));
    const old = new BetterSqlite3(copy, { readonly: true });
    try {
      expect(sharedIds(old)).toEqual(before.ids);
      expect(old.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(before.counts.cases);
    } finally {
      old.close();
    }
  });

  it('does nothing more on a second reconnect', async () => {
    const h = township;
    const { sqlite } = h.backend.runtime;
    const ids = sharedIds(sqlite);
    const backups = listAll(h.backend.runtime).length;
    const again = await h.ok('hub.reconnect', { hubUrl: hub.url, code: await issueCode() }, admin);
    expect(again).toMatchObject({ state: 'connected', rematched: null });
    expect(sharedIds(sqlite)).toEqual(ids);
    expect(listAll(h.backend.runtime)).toHaveLength(backups);
  });
});
