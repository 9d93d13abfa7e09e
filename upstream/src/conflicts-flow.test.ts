import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { SYNC_PATHS } from '@shared/sync/records-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { hubRecord, syncCounty } from '../test/sync-county';
import { insert, resident, update } from '../test/terminal-log';

describeOnBackends(
  '同步冲突 end to end: pushes open it, a choice pushed on the pulled record closes it',
  (backend) => {
    const db = useDatabase(backend);
    let county: Awaited<ReturnType<typeof syncCounty>> | undefined;
    afterEach(async () => {
      await county?.hub.close();
      county = undefined;
    });

    it('two windows change one address from one version; the supervisor takes the second and no new conflict opens', async () => {
      county = await syncCounty(db());
      const { hub, window1, window2 } = county;
      const residentId = randomUUID();
      await window1.push(window1.log.tx(insert('residents', residentId, resident('王小红'))));
      window2.log.saw(residentId, window1.log.versions.get(residentId)!);

      await window1.push(
        window1.log.tx(update('residents', residentId, { address: '城东社区 8 号' })),
      );
      const second = await window2.push(
        window2.log.tx(update('residents', residentId, { address: '城东社区 18 号' })),
      );
      expect(second.body).toMatchObject({ rejections: [], conflictsOpened: 1 });

      const listed = await hub.call('GET', SYNC_PATHS.conflicts, { token: window1.token });
      expect(listed.body.conflicts).toHaveLength(1);
      const [conflict] = listed.body.conflicts;
      expect(conflict).toMatchObject({
        table: 'residents',
        recordId: residentId,
        rootTable: 'residents',
        rootId: residentId,
        column: 'address',
        kept: { value: '城东社区 8 号', terminalId: window1.terminalId, terminalNumber: '01' },
        other: { value: '城东社区 18 号', terminalId: window2.terminalId, terminalNumber: '02' },
      });
      const north = await hub.call('GET', SYNC_PATHS.conflicts, { token: county.north.token });
      expect(north.body.conflicts).toEqual([]);

      // The terminal holds the record as pulled (its version covers both sides), writes the choice as
      // a change, pushes it, then closes the conflict.
      const pulled = await hubRecord(db(), hub.countyCode, 'residents', residentId);
      window2.log.saw(residentId, pulled!.version);
      const choice = await window2.push(
        window2.log.tx(update('residents', residentId, { address: '城东社区 18 号' })),
      );
      expect(choice.body).toMatchObject({ rejections: [], conflictsOpened: 0 });
      const closed = await hub.call('POST', SYNC_PATHS.resolveConflict(conflict.id), {
        token: window2.token,
        body: { choice: 'other', resolvedBy: 'u-boss' },
      });
      expect(closed.status).toBe(200);
      expect(closed.body.resolvedValue).toBe('城东社区 18 号');

      const stored = await hubRecord(db(), hub.countyCode, 'residents', residentId);
      expect(stored!.columns.address).toBe('城东社区 18 号');
      expect((await hub.call('GET', SYNC_PATHS.conflicts, { token: window1.token })).body).toEqual({
        conflicts: [],
        more: false,
      });
    });
  },
);
