import { describe, expect } from 'vitest';
import { SET_UP_TIME, staffTest as test } from '../testing/mediation-staff';
import { sha256Hex } from '../attachments/store';
import type { Harness } from '../testing/harness';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');

/** A safety-hazard report filed with `token`. */
function hazard(h: Harness, token: string, title: string, description: string) {
  return h.ok('eventReports.create', { category: 'safety_hazard', title, description }, token);
}

test.beforeAll(
  ({ villageAAgent, villageBMediator, townshipMediator }) =>
    void [villageAAgent, villageBMediator, townshipMediator],
  SET_UP_TIME,
);

describe('event reports', () => {
  test('go to the level above, are acknowledged there once, and stay out of reach of other villages', async ({
    harness: h,
    township: c,
    villageAAgent: villageA,
    villageBMediator: villageB,
    townshipMediator: township,
  }) => {
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

  test('refuses a category the reference list does not know', async ({
    harness: h,
    villageAAgent: villageA,
  }) => {
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

  test('carry photos and scans from the reporting unit until the receiver has signed for them', async ({
    harness: h,
    villageAAgent: villageA,
    villageBMediator: villageB,
    townshipMediator: township,
  }) => {
    const report = await hazard(h, villageA.token, '危房外墙开裂', '老街12号外墙出现贯通裂缝');
    expect(report).toMatchObject({ attachments: [], canAttach: true });
    const attach = (
      token: string,
      bytes: Buffer,
      mime: 'image/png' | 'application/pdf',
      name: string,
    ) =>
      h.call(
        'eventReports.attach',
        { eventReportId: report.id, fileName: name, mime, base64: bytes.toString('base64') },
        token,
      );

    const withPhoto = await attach(villageA.token, PNG, 'image/png', '外墙照片.png');
    if (!withPhoto.ok) throw new Error(withPhoto.error.message);
    expect(withPhoto.value.attachments).toEqual([
      {
        id: expect.any(String),
        fileName: '外墙照片.png',
        mime: 'image/png',
        size: PNG.length,
        sha256: sha256Hex(PNG),
      },
    ]);
    // The same photo twice is one attachment; a second, different file is added after it.
    expect((await attach(villageA.token, PNG, 'image/png', '再传一次.png')).ok).toBe(true);
    const withScan = await h.ok(
      'eventReports.attach',
      {
        eventReportId: report.id,
        fileName: '排查表.pdf',
        mime: 'application/pdf',
        base64: PDF.toString('base64'),
      },
      villageA.token,
    );
    expect(withScan.attachments.map((file) => file.fileName)).toEqual([
      '外墙照片.png',
      '排查表.pdf',
    ]);

    expect(await attach(villageA.token, PDF, 'image/png', '改了扩展名.png')).toMatchObject({
      ok: false,
      error: { code: 'ATTACHMENT_TYPE_MISMATCH' },
    });
    expect(await attach(township.token, PNG, 'image/png', '街道补充.png')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有报送单位才能为事件报告添加附件' },
    });

    // The receiver lists the report with its files and opens them; another village cannot.
    const inbox = await h.ok('eventReports.list', { box: 'received' }, township.token);
    const received = inbox.rows.find((row) => row.id === report.id)!;
    expect(received.attachments).toHaveLength(2);
    expect(received.canAttach).toBe(false);
    const photo = await h.ok(
      'eventReports.attachment',
      { attachmentId: received.attachments[0]!.id },
      township.token,
    );
    expect(Buffer.from(photo.base64, 'base64').equals(PNG)).toBe(true);
    expect(
      await h.call('eventReports.attachment', { attachmentId: photo.id }, villageB.token),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await h.ok('eventReports.acknowledge', { eventReportId: report.id }, township.token);
    expect(await attach(villageA.token, JPEG, 'image/png', '签收后.png')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_ACKNOWLEDGED' },
    });
    expect(
      (await h.ok('eventReports.get', { eventReportId: report.id }, villageA.token)).canAttach,
    ).toBe(false);
  });

  test('sends a township report to the county centre', async ({
    harness: h,
    township: c,
    townshipMediator: township,
  }) => {
    const report = await hazard(h, township.token, '河堤渗水', '东门河堤多处渗水');
    expect(report).toMatchObject({ receivingOrgId: c.countyId, receivingOrgName: '永嘉县' });
  });
});
