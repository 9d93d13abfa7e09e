import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { IDS, neighbourDispute, person, residentIdNumber } from '@shared/testing/people';
import { createHarness, type Harness } from '../testing/harness';
import { joinHub } from '../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../testing/in-process-hub';
import { PENSION, signInAs, ALL_RECEIVED } from '../testing/township';

/*
 * Issue 15, "routing, end to end": a village agency point, its township and the county centre,
 * each a real terminal (its own SQLite file, its own sync cycle) on one real county hub. What a
 * person does at one terminal reaches the other after one 立即同步 on each side, and nothing else
 * moves it: no rows are copied by hand.
 */

/** 岩头镇 and its village 岩头村 in the demo county the hub serves. */
const YANTOU = orgUnitIdFromDivisionCode('330324108');
const YANTOU_VILLAGE = orgUnitIdFromDivisionCode('330324108201');
const SCENE_TIMEOUT_MS = 300_000;

/** A scanned 户口簿 as the agent photographs it at the village. */
const SCAN = (() => {
  const bytes = Buffer.alloc(48 * 1024, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes.write('岩头村代办', 4096, 'utf8');
  return bytes;
})();

let hub: InProcessHub;
let county: Harness;
let township: Harness;
let village: Harness;
let countyAdmin: string;
let villageAdmin: string;
let townshipAdmin: string;
let agent: string;
let clerk: string;
let supervisor: string;
let villageMediator: string;
let townshipMediator: string;
let countyMediator: string;

async function syncNow(h: Harness, session: string): Promise<void> {
  const result = await h.ok('hub.syncNow', {}, session);
  expect(result.problem).toBeNull();
}

function fileIsHere(h: Harness, sha256: string): boolean {
  return existsSync(join(h.dataDir, 'attachments', sha256.slice(0, 2), sha256));
}

describe('records routed between a village, its township and the county', () => {
  beforeAll(async () => {
    hub = await startInProcessHub();
    county = await createHarness();
    township = await createHarness();
    village = await createHarness();
    countyAdmin = await joinHub(county, hub.url, hub.firstCode, { terminalName: '县中心' });
    const codeFor = async (orgUnitId: string) =>
      (await county.ok('hub.issueCode', { orgUnitId }, countyAdmin)).code;
    townshipAdmin = await joinHub(township, hub.url, await codeFor(YANTOU), {
      username: 'yantou_admin',
    });
    villageAdmin = await joinHub(village, hub.url, await codeFor(YANTOU_VILLAGE), {
      username: 'yantoucun_admin',
      terminalName: '代办点',
    });
    agent = await signInAs(village, villageAdmin, {
      username: 'yantoucun_agent',
      displayName: '周代办',
      role: 'agent',
    });
    clerk = await signInAs(township, townshipAdmin, {
      username: 'yantou_clerk',
      displayName: '王芳',
      role: 'clerk',
    });
    supervisor = await signInAs(township, townshipAdmin, {
      username: 'yantou_chief',
      displayName: '陈主任',
      role: 'supervisor',
    });
    const mediatorAt = (h: Harness, admin: string, username: string) =>
      signInAs(h, admin, { username, displayName: `${username}调解员`, role: 'mediator' });
    villageMediator = await mediatorAt(village, villageAdmin, 'yantoucun_med');
    townshipMediator = await mediatorAt(township, townshipAdmin, 'yantou_med');
    countyMediator = await mediatorAt(county, countyAdmin, 'county_med');
  }, SCENE_TIMEOUT_MS);

  afterAll(async () => {
    for (const h of [county, township, village]) await h?.cleanup();
    await hub?.close();
  });

  it(
    'hands a village agency case to the township whole, scan fetched ahead, and the result flows back',
    async () => {
      const [item] = await village.ok('catalogue.list', { query: PENSION }, villageAdmin);
      const resident = await village.ok(
        'residents.create',
        {
          docType: 'resident_id',
          docNumber: residentIdNumber('330324', '1946-04-12', 31),
          name: '钱老伯',
          address: '永嘉县岩头镇岩头村 5 号',
          villageOrgId: YANTOU_VILLAGE,
        },
        villageAdmin,
      );
      const today = shanghaiDate(village.backend.runtime.stamper.nowIso());
      const filed = await village.ok(
        'cases.agencyIntake',
        {
          residentId: resident.id,
          itemId: item!.id,
          materials: ALL_RECEIVED,
          attorneyDate: today,
          reason: '申请人年老行动不便',
        },
        agent,
      );
      const scan = await village.ok(
        'attachments.upload',
        {
          caseId: filed.id,
          caseMaterialId: filed.materials[1]!.id,
          fileName: '户口簿.pdf',
          mime: 'application/pdf',
          base64: SCAN.toString('base64'),
        },
        agent,
      );
      await village.ok('cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);

      await syncNow(village, villageAdmin);
      await syncNow(township, supervisor);

      // 待接收 at the township: the case with its materials, its scan on disk before anyone opens
      // it, and its applicant.
      const inbox = await township.ok('cases.list', { states: ['awaiting_receipt'] }, clerk);
      expect(
        inbox.rows.map((row) => [row.caseNo, row.applicantName, row.agencyOrgName, row.agentName]),
      ).toEqual([[filed.caseNo, '钱老伯', '岩头村', '周代办']]);
      expect(fileIsHere(township, scan.sha256)).toBe(true);
      const received = await township.ok('cases.get', { caseId: filed.id }, clerk);
      expect(received).toMatchObject({
        state: 'awaiting_receipt',
        orgUnitId: YANTOU,
        agentName: '周代办',
        applicant: { name: '钱老伯', address: '永嘉县岩头镇岩头村 5 号' },
      });
      expect(received.materials.map((m) => m.status)).toEqual(ALL_RECEIVED.map(() => 'received'));
      expect(received.materials[1]!.attachments.map((a) => a.sha256)).toEqual([scan.sha256]);
      expect(received.events.map((e) => e.action)).toEqual(['agency_intake', 'hand_over']);
      const opened = await township.ok('attachments.get', { attachmentId: scan.id }, clerk);
      expect(Buffer.from(opened.base64, 'base64').equals(SCAN)).toBe(true);

      await township.ok('cases.receive', { caseId: filed.id, materials: ALL_RECEIVED }, clerk);
      await township.ok('cases.transition', { caseId: filed.id, action: 'start' }, clerk);
      await township.ok(
        'cases.transition',
        { caseId: filed.id, action: 'complete', resultNote: '已核定养老金待遇' },
        clerk,
      );
      await syncNow(township, supervisor);
      await syncNow(village, villageAdmin);

      const atVillage = await village.ok('cases.get', { caseId: filed.id }, agent);
      expect(atVillage).toMatchObject({
        state: 'completed',
        orgUnitId: YANTOU,
        resultNote: '已核定养老金待遇',
      });
      expect(atVillage.events.map((e) => e.action)).toEqual([
        'agency_intake',
        'hand_over',
        'receive',
        'start',
        'complete',
      ]);
    },
    SCENE_TIMEOUT_MS,
  );

  it('shows the township’s supervisor its village’s filings before they are handed over', async () => {
    const [item] = await village.ok('catalogue.list', { query: PENSION }, villageAdmin);
    const resident = await village.ok(
      'residents.create',
      {
        docType: 'resident_id',
        docNumber: residentIdNumber('330324', '1950-09-03', 45),
        name: '孙阿婆',
        villageOrgId: YANTOU_VILLAGE,
      },
      villageAdmin,
    );
    const draft = await village.ok(
      'cases.agencyIntake',
      {
        residentId: resident.id,
        itemId: item!.id,
        materials: ALL_RECEIVED,
        attorneyDate: shanghaiDate(village.backend.runtime.stamper.nowIso()),
        reason: '申请人外出务工',
      },
      agent,
    );
    await syncNow(village, villageAdmin);
    await syncNow(township, supervisor);

    const drafts = await township.ok('cases.list', { states: ['agency_draft'] }, supervisor);
    expect(drafts.rows.map((row) => [row.caseNo, row.applicantName])).toEqual([
      [draft.caseNo, '孙阿婆'],
    ]);
    // Read, not worked on: it is the village's until the agent hands it over.
    const seen = await township.ok('cases.get', { caseId: draft.id }, supervisor);
    expect(seen.availableActions).toEqual([]);
    expect(await township.code('cases.receive', { caseId: draft.id, materials: [] }, clerk)).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it(
    'escalates a dispute village → township → county with its history; the units below read the outcome',
    async () => {
      const { dispute, immediateReport } = await village.ok(
        'mediation.register',
        neighbourDispute([person('赵大', IDS.zhao), person('孙二', IDS.sun, 'respondent')], {
          riskLevel: 'major',
          place: '岩头村水渠',
        }),
        villageMediator,
      );
      // A major risk is reported to the township at once (事件报告), with a photo.
      expect(immediateReport).not.toBeNull();
      const reportId = immediateReport!.eventReportId;
      const photo = await village.ok(
        'eventReports.attach',
        {
          eventReportId: reportId,
          fileName: '现场.pdf',
          mime: 'application/pdf',
          base64: SCAN.toString('base64'),
        },
        villageMediator,
      );
      await village.ok(
        'mediation.escalate',
        { disputeId: dispute.id, reason: '涉及两村用水，需镇里协调' },
        villageMediator,
      );
      await syncNow(village, villageAdmin);
      await syncNow(township, townshipAdmin);

      const received = await township.ok(
        'eventReports.list',
        { box: 'received' },
        townshipMediator,
      );
      expect(received.rows.map((r) => [r.id, r.fromOrgName, r.canAcknowledge])).toEqual([
        [reportId, '岩头村', true],
      ]);
      const sha256 = photo.attachments.at(-1)!.sha256;
      expect(fileIsHere(township, sha256)).toBe(true);
      await township.ok(
        'eventReports.acknowledge',
        { eventReportId: reportId, note: '已派人到场' },
        townshipMediator,
      );

      const atTownship = await township.ok(
        'mediation.get',
        { disputeId: dispute.id },
        townshipMediator,
      );
      expect(atTownship).toMatchObject({ state: 'escalated', access: 'owner' });
      expect(atTownship.parties.map((p) => p.name)).toEqual(['赵大', '孙二']);
      expect(atTownship.events.map((e) => e.action)).toEqual(['register', 'escalate']);
      // Found by a party's name as one registered here: two characters through the bigrams the
      // pull writes at the end of its slice, the case number through the trigram index.
      for (const query of ['孙二', dispute.caseNo]) {
        const found = await township.ok('mediation.list', { query }, townshipMediator);
        expect(
          found.rows.map((row) => row.id),
          query,
        ).toEqual([dispute.id]);
      }
      await township.ok('mediation.accept', { disputeId: dispute.id }, townshipMediator);
      await township.ok(
        'mediation.escalate',
        { disputeId: dispute.id, reason: '跨镇用水纠纷，报县矛调中心' },
        townshipMediator,
      );
      await syncNow(township, townshipAdmin);
      await syncNow(county, countyAdmin);

      const atCounty = await county.ok('mediation.get', { disputeId: dispute.id }, countyMediator);
      expect(atCounty).toMatchObject({ state: 'escalated', access: 'owner' });
      expect(atCounty.events.map((e) => e.action)).toEqual([
        'register',
        'escalate',
        'accept',
        'escalate',
      ]);
      await county.ok('mediation.accept', { disputeId: dispute.id }, countyMediator);
      await county.ok(
        'mediation.terminate',
        { disputeId: dispute.id, reason: '已移交县水利局依法处理' },
        countyMediator,
      );
      await syncNow(county, countyAdmin);
      await syncNow(township, townshipAdmin);
      await syncNow(village, villageAdmin);

      for (const [h, session] of [
        [township, townshipMediator],
        [village, villageMediator],
      ] as const) {
        const seen = await h.ok('mediation.get', { disputeId: dispute.id }, session);
        expect(seen).toMatchObject({ state: 'terminated', access: 'reader', canWrite: false });
        expect(seen.events.map((e) => e.action).at(-1)).toBe('terminate');
      }
      const sent = await village.ok(
        'eventReports.get',
        { eventReportId: reportId },
        villageMediator,
      );
      expect(sent).toMatchObject({
        acknowledgedByName: 'yantou_med调解员',
        acknowledgementNote: '已派人到场',
      });
    },
    SCENE_TIMEOUT_MS,
  );
});
