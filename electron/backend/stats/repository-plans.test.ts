import { describe, expect, it } from 'vitest';
import { fullScans, planProbe } from '../testing/plan-probe';
import * as stats from './repository';

describe('the statistics read only the period’s rows', () => {
  it('answers every query from an index', async () => {
    const probe = await planProbe();
    try {
      const range = {
        orgIds: ['township', 'village'],
        fromIso: 'a',
        toIso: 'b',
        today: '2026-11-27',
      };
      await stats.totals(probe.db, range);
      await stats.countsByItem(probe.db, range);
      for (const period of ['day', 'month', 'quarter', 'year'] as const) {
        await stats.countsByPeriod(probe.db, range, period);
      }
      await stats.agencyByVillage(probe.db, range);
      await stats.ratingLevels(probe.db, range);
      await stats.badRatingFollowups(probe.db, range);
      const oneItem = { ...range, itemId: 'item' };
      await stats.totals(probe.db, oneItem);
      await stats.ratingLevels(probe.db, oneItem);
      const plans = await probe.plans();
      expect(plans).toHaveLength(12);
      for (const plan of plans) {
        expect(fullScans(plan.lines), plan.sql).toEqual([]);
        expect(plan.lines.join('\n')).toMatch(
          /SEARCH (c|r|f) USING (COVERING )?INDEX (cases_(live_)?org_(created|item)|ratings_(live_)?org|rating_followups_org)/,
        );
      }
    } finally {
      await probe.close();
    }
  });
});
