/**
 * A backup in a process of its own, for the test that kills it at random points
 * (backup/backup-kill.test.ts): argv is the database file, the backup folder and the backup's name.
 */
import { startJob } from '../backup/worker';

const [source, dir, name] = process.argv.slice(2) as [string, string, string];
const job = startJob({ kind: 'backup', source, dir, name }, undefined);
process.stdout.write('started\n');
void job.result.then((report) => {
  process.stdout.write(`${report.ok ? 'done' : `failed ${report.problem}`}\n`);
});
