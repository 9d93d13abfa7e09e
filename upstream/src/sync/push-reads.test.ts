import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { describeOnBackends, listenToQueries, useDatabase } from '../../test/hub-backends';
import { syncCounty } from '../../test/sync-county';
import { caseRow, insert, materialRow, resident } from '../../test/terminal-log';

/**
 * The records a push names are read by key once (record-store.ts, loadRecords); the roots of the
 * changed records are read in a second statement only when some root was not among them. A new case
 * or resident is its own root: reading it again found nothing and cost a round trip a push.
 */
describeOnBackends('the records a push reads by key', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  /** Statements of a push that read sync_records by (table, id): namedRecords. */
  async function keyReadsOf(push: () => Promise<{ status: number; body: unknown }>) {
    const reads: string[] = [];
    const stop = listenToQueries((text) => {
      if (/FROM sync_records\s+WHERE "county_code" = \$\d+ AND table_name = wanted/.test(text)) {
        reads.push(text);
      }
    });
    try {
      const answer = await push();
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ rejections: [] });
    } finally {
      stop();
    }
    return reads.length;
  }

  it('reads new roots once, and a root the push does not name in a second statement', async () => {
    county = await syncCounty(db());
    const terminal = county.window1;
    const residentId = randomUUID();
    const caseId = randomUUID();
    const doc = `330302198001${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const created = [
      ...terminal.log.tx(insert('residents', residentId, { ...resident(), doc_number: doc })),
      ...terminal.log.tx(insert('cases', caseId, caseRow(residentId))),
    ];
    expect(await keyReadsOf(() => terminal.push(created))).toBe(1);

    // A material of the case: its root is read by a statement of its own, and the push is checked
    // against it (the case's owner is the terminal's unit).
    const material = terminal.log.tx(insert('case_materials', randomUUID(), materialRow(caseId)));
    expect(await keyReadsOf(() => terminal.push(material))).toBe(2);
  });
});
