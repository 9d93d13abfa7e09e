import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { setUpCommittees, type Committees, type Staff } from '../mediation/test-support';

let h: Harness;
let c: Committees;
let villageA: Staff;
let villageB: Staff;
let township: Staff;

beforeAll(async () => {
  h = await createHarness();
  c = await setUpCommittees(h);
  villageA = await c.staff('agent_a', 'agent', c.villageAId);
  villageB = await c.staff('med_b', 'mediator', c.villageBId);
  township = await c.staff('med_t', 'mediator', c.townshipId);
}, 120_000);
afterAll(async () => {
  await h.cleanup();
});

describe('event reports', () => {
  it('go to the level above, are acknowledged there once, and stay out of reach of other villages', async () => {
    const report = await h.ok(
      'eventReports.create',
      {
        category: 'mass_incident_sign',
        urgency: 'urgent',
        title: '拆迁补偿聚集苗头',
        description: '十余户村民计划明日到街道反映拆迁补偿问题',
        occurredOn: '2026-11-26',
        place: '城东社区',
        peopleInvolved: 12,
      },
      villageA.token,
    );
    expect(report).toMatchObject({
      categoryLabel: '群体性事件苗头',
      urgency: 'urgent',
      fromOrgName: '城东社区',
      receivingOrgId: c.townshipId,
      receivingOrgName: '东城街道',
      reporterName: 'agent_a',
      acknowledgedAt: null,
      canAcknowledge: false,
    });
    expect((await h.ok('eventReports.list', { box: 'sent' }, villageA.token)).total).toBe(1);
    const inbox = await h.ok(
      'eventReports.list',
      { box: 'received', unacknowledgedOnly: true },
      township.token,
    );
    expect(inbox.rows.map((row) => [row.id, row.canAcknowledge])).toEqual([[report.id, true]]);

    expect(
      await h.call('eventReports.get', { eventReportId: report.id }, villageB.token),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await h.call('eventReports.acknowledge', { eventReportId: report.id }, villageB.token),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const acknowledged = await h.ok(
      'eventReports.acknowledge',
      { eventReportId: report.id, note: '已转综治中心' },
      township.token,
    );
    expect(acknowledged).toMatchObject({
      acknowledgedByName: 'med_t',
      acknowledgementNote: '已转综治中心',
      canAcknowledge: false,
    });
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect(
      await h.call('eventReports.acknowledge', { eventReportId: report.id }, township.token),
    ).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_ACKNOWLEDGED', message: '该事件报告已由med_t签收' },
    });
    expect(
      (
        await h.ok(
          'eventReports.list',
          { box: 'received', unacknowledgedOnly: true },
          township.token,
        )
      ).total,
    ).toBe(0);
  });

  it('refuses a category the reference list does not know', async () => {
    expect(
      await h.call(
        'eventReports.create',
        { category: 'gossip', title: '传闻', description: '无' },
        villageA.token,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { category: '请选择事件类别' } },
    });
  });

  it('sends a township report to the county centre', async () => {
    const report = await h.ok(
      'eventReports.create',
      { category: 'safety_hazard', title: '河堤渗水', description: '东门河堤多处渗水' },
      township.token,
    );
    expect(report).toMatchObject({ receivingOrgId: c.countyId, receivingOrgName: '永嘉县' });
  });
});
