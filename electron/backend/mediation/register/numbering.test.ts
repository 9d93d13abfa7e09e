import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import { ANONYMOUS, type TerminalIdentity } from '../../core/context';
import { newSyncColumns } from '../../core/changes';
import { requireTerminal } from '../../core/guards';
import type { Database } from '../../db/schema';
import { demoTest as test } from '../../testing/fixtures';
import { issueCaseNumber } from './numbering';

const ROLLED_BACK = new Error('rolled back');

/**
 * The number a terminal would issue on its own: in a transaction that is then rolled back, so that
 * the next call sees nothing of it, as a second terminal offline sees nothing of the first.
 */
async function issuedAlone(db: Kysely<Database>, terminal: TerminalIdentity, unit: string) {
  let issued: Awaited<ReturnType<typeof issueCaseNumber>> | undefined;
  await db
    .transaction()
    .execute(async (trx) => {
      issued = await issueCaseNumber(trx, terminal, unit, '2026-11-27');
      throw ROLLED_BACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLED_BACK) throw error;
    });
  return issued!;
}

describe('dispute numbers', () => {
  test("a township's terminal registering for a village never issues the village terminal's number", async ({
    harness: h,
    township: { villageId },
  }) => {
    const rt = h.backend.runtime;
    const township = requireTerminal(rt);
    const own = await rt.db
      .selectFrom('terminals')
      .select('number')
      .where('id', '=', township.terminalId)
      .executeTakeFirstOrThrow();
    expect(own.number).toBe('01');
    // The village's own terminals 01 and 02, as the hub numbered them and the tree brought them.
    const stamp = { stamper: rt.stamper, terminal: township, actor: ANONYMOUS };
    const village: TerminalIdentity[] = [];
    for (const number of ['01', '02']) {
      const columns = newSyncColumns(stamp, villageId);
      await rt.db
        .insertInto('terminals')
        .values({ ...columns, name: `城东社区 ${number}`, number })
        .execute();
      village.push({ terminalId: columns.id, orgUnitId: villageId });
    }

    const atVillage = await issuedAlone(rt.db, village[0]!, villageId);
    const atTownship = await issuedAlone(rt.db, township, villageId);
    expect(atVillage.caseNo).toBe('（2026）永城东人调字第01-1号');
    expect(atTownship.caseNo).toBe('（2026）永城东人调字第乡01-1号');
    expect([atTownship.terminalNumber, atTownship.sequence]).not.toEqual([
      atVillage.terminalNumber,
      atVillage.sequence,
    ]);
  });
});
