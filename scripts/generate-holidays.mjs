// Writes resources/calendar/holidays.json (the HolidayCalendar of shared/domain/calendar/working-days.ts)
// from the chinese-days package. Only the years the package publishes a schedule for are written: a
// year the State Council has not announced yet must stay absent so that the app says so instead of
// guessing. Run after updating chinese-days: node scripts/generate-holidays.mjs
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('chinese-days/package.json'));
const yearsDir = join(packageDir, 'dist', 'years');
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'resources',
  'calendar',
  'holidays.json',
);

const years = {};
for (const file of readdirSync(yearsDir)
  .filter((name) => /^\d{4}\.json$/.test(name))
  .sort()) {
  const year = file.slice(0, 4);
  const schedule = JSON.parse(readFileSync(join(yearsDir, file), 'utf8'));
  const holidays = Object.keys(schedule.holidays).sort();
  const workdays = Object.keys(schedule.workdays).sort();
  const stray = [...holidays, ...workdays].filter((date) => !date.startsWith(`${year}-`));
  const both = holidays.filter((date) => workdays.includes(date));
  if (stray.length > 0 || both.length > 0) {
    throw new Error(
      `chinese-days ${year}: dates of another year ${stray}, both holiday and workday ${both}`,
    );
  }
  years[year] = { holidays, workdays };
}

mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify({ years }, null, 2)}\n`);
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
console.log(`chinese-days ${version}: wrote ${Object.keys(years).join(', ')} to ${target}`);
