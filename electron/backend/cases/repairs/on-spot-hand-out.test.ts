import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { CLERK } from '@shared/testing/people';
import { DATABASE_FILE } from '../../app/open-runtime';
import { counterTest as test } from '../../testing/cases';
import { NEW_ADMIN_PASSWORD } from '../../testing/harness';
import { ensureItem, received, SETUP_TIMEOUT_MS } from '../../testing/township';

describe(
  '即办件 done at the window before they were handed out at once',
  { timeout: SETUP_TIMEOUT_MS },
  () => {
    test('get their hand-out at the next start, once, through the change log', async ({
      harness: h,
      township: { clerk, residentId },
    }) => {
      const instantId = await ensureItem(h, 'ZJ-XZ-0001');
      const onSpot = await h.ok(
        'cases.intake',
        {
          residentId,
          itemId: instantId,
          outcome: 'complete',
          completeOnSpot: true,
          materials: [
            ...received(0, 1),
            ...[2, 3, 4, 5].map((position) => ({ position, status: 'not_applicable' as const })),
          ],
        },
        clerk,
      );
      // The case as an older release left it: completed on the spot, never handed out.
      await h.restart(() => {
        const db = new Database(join(h.dataDir, DATABASE_FILE));
        db.prepare('UPDATE cases SET handed_out_at = NULL WHERE id = ?').run(onSpot.id);
        db.prepare("DELETE FROM case_events WHERE case_id = ? AND action = 'hand_out'").run(
          onSpot.id,
        );
        db.prepare("DELETE FROM settings WHERE key = 'on_spot_backlog_repaired_at'").run();
        db.close();
      });
      const { token } = await h.ok('auth.signIn', {
        username: CLERK.username,
        password: NEW_ADMIN_PASSWORD,
      });
      const dashboard = await h.ok('cases.dashboard', {}, token);
      expect(dashboard.readyToHandOut.map((row) => row.id)).not.toContain(onSpot.id);
      const detail = await h.ok('cases.get', { caseId: onSpot.id }, token);
      expect(detail.handedOutAt).toBe(onSpot.completedAt);
      expect(detail.events.at(-1)).toMatchObject({
        action: 'hand_out',
        note: '即办件当场办结时已将结果交给申请人（升级后补记）',
        actorName: CLERK.displayName,
      });
      const outbox = h.backend.runtime.sqlite
        .prepare(
          "SELECT changed_columns FROM outbox WHERE table_name = 'cases' AND record_id = ? AND op = 'update'",
        )
        .all(onSpot.id) as { changed_columns: string }[];
      expect(outbox.map((entry) => JSON.parse(entry.changed_columns))).toContainEqual(
        expect.arrayContaining(['handed_out_at']),
      );

      await h.restart();
      const again = await h.ok('auth.signIn', {
        username: CLERK.username,
        password: NEW_ADMIN_PASSWORD,
      });
      const events = (await h.ok('cases.get', { caseId: onSpot.id }, again.token)).events;
      expect(events.filter((event) => event.action === 'hand_out')).toHaveLength(1);
    });
  },
);
