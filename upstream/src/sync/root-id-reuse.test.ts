import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { describeOnBackends, useDatabase } from '../../test/hub-backends';
import { feedOf, syncCounty, visibilityOf } from '../../test/sync-county';
import { caseRow, disputeRow, insert, partyRow, resident } from '../../test/terminal-log';

/**
 * sync_visibility, routeChanges and the whole-root feed key a root by its id alone, not by its
 * table. A township that created a case under the id of another township's dispute became the
 * dispute's owner and was sent the dispute and its parties: the hub refuses such a new root.
 */
describeOnBackends('a root created under the id of another root', (backend) => {
  const db = useDatabase(backend);
  let county: Awaited<ReturnType<typeof syncCounty>>;
  afterEach(() => county.hub.close());

  it('leaves the dispute to its township and out of the other one’s feed', async () => {
    county = await syncCounty(db());
    const { window1, north } = county;
    const code = county.hub.countyCode;
    const disputeId = randomUUID();
    const partyId = randomUUID();
    const applicant = randomUUID();
    const filed = [
      ...window1.log.tx(insert('residents', applicant, resident('李四'))),
      ...window1.log.tx(
        insert('disputes', disputeId, disputeRow(window1.unitId)),
        insert('dispute_parties', partyId, partyRow(disputeId, applicant)),
      ),
    ];
    expect((await window1.push(filed)).body.rejections).toEqual([]);

    const own = randomUUID();
    const taking = [
      ...north.log.tx(insert('residents', own, resident('王五'))),
      ...north.log.tx(insert('cases', disputeId, caseRow(own))),
    ];
    const answer = (await north.push(taking)).body;
    expect(answer.rejections.map((r: { seq: number; code: string }) => [r.seq, r.code])).toEqual([
      [taking[1]!.seq, 'INVALID_ENTRY'],
    ]);

    expect((await visibilityOf(db(), code, disputeId))[window1.unitId]).toBe('owner');
    // Nor in one push: a dispute under the id of a case the same push creates.
    const caseId = randomUUID();
    const both = [
      ...north.log.tx(insert('cases', caseId, caseRow(own))),
      ...north.log.tx(insert('disputes', caseId, disputeRow(north.unitId))),
    ];
    const second = (await north.push(both)).body;
    expect(second.rejections.map((r: { seq: number; code: string }) => [r.seq, r.code])).toEqual([
      [both[1]!.seq, 'INVALID_ENTRY'],
    ]);

    const northFeed = await feedOf(db(), code, north.unitId);
    expect(northFeed).not.toContain(`disputes/${disputeId}`);
    expect(northFeed).not.toContain(`dispute_parties/${partyId}`);
  });
});
