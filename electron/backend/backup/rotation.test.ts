import { describe, expect, it } from 'vitest';
import { backupsToDelete, type RotatedBackup } from './rotation';

const MB = 1024 * 1024;
const NOW = Date.parse('2026-12-07T02:00:00.000Z'); // Monday 10:00 in Shanghai

/** One backup at 09:00 Shanghai on each day from `from` to `to` (inclusive), newest last. */
function dailies(from: string, to: string, sizeBytes = MB): RotatedBackup[] {
  const out: RotatedBackup[] = [];
  for (
    let ms = Date.parse(`${from}T01:00:00.000Z`);
    ms <= Date.parse(`${to}T01:00:00.000Z`);
    ms += 86_400_000
  ) {
    const createdAt = new Date(ms).toISOString();
    out.push({ name: createdAt.slice(0, 10), createdAt, sizeBytes });
  }
  return out;
}

const kept = (backups: RotatedBackup[], deleted: string[]) =>
  backups
    .map((b) => b.name)
    .filter((name) => !deleted.includes(name))
    .sort()
    .reverse();

describe('the backup rotation', () => {
  const roomy = 10_000 * MB;
  it.each([
    {
      what: 'keeps the last days, the newest of each earlier week and of each earlier month',
      backups: dailies('2026-11-27', '2026-12-07'),
      policy: { days: 3, weeks: 4, months: 12, budgetBytes: roomy },
      // Mon 7th, Sun 6th, Sat 5th; the week of 23–29 Nov by Sun 29th; November by Mon 30th.
      keep: ['2026-12-07', '2026-12-06', '2026-12-05', '2026-11-30', '2026-11-29'],
    },
    {
      what: 'keeps monthly copies for a year and no older',
      backups: dailies('2025-10-01', '2026-12-07').filter(
        (b) => b.name.endsWith('-15') || b.name === '2026-12-07',
      ),
      policy: { days: 1, weeks: 0, months: 12, budgetBytes: roomy },
      keep: [
        '2026-12-07',
        '2026-11-15',
        '2026-10-15',
        '2026-09-15',
        '2026-08-15',
        '2026-07-15',
        '2026-06-15',
        '2026-05-15',
        '2026-04-15',
        '2026-03-15',
        '2026-02-15',
        '2026-01-15',
      ],
    },
    {
      what: 'drops the oldest wanted copies once the budget is spent',
      backups: dailies('2026-12-01', '2026-12-07', 400 * MB),
      policy: { days: 7, weeks: 4, months: 12, budgetBytes: 1000 * MB },
      keep: ['2026-12-07', '2026-12-06'],
    },
    {
      what: 'never deletes the newest backup, however old or large',
      backups: dailies('2026-01-01', '2026-01-02', 5000 * MB),
      policy: { days: 7, weeks: 0, months: 0, budgetBytes: 1000 * MB },
      keep: ['2026-01-02'],
    },
  ])('$what', ({ backups, policy, keep }) => {
    expect(kept(backups, backupsToDelete(backups, policy, NOW))).toEqual(keep);
  });
});
