/**
 * The terminal's side for bench/pouchdb/compare.ts, one job per process so that its CPU and peak
 * RSS are the job's own:
 *   fill <db folder> <records.ndjson>   writes the records into a local LevelDB PouchDB (not timed)
 *   push <db folder> <remote url> <batch_size> <batches_limit>   replicates local → remote
 *   pull <db folder> <remote url> <batch_size> <batches_limit>   replicates remote → a fresh local
 * Prints one JSON line: docs written, seconds, CPU seconds of this process during the job, VmHWM.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import PouchDB from 'pouchdb-node';

const [job, folder, source, batchSize, batchesLimit] = process.argv.slice(2);

function peakRssMb() {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function fill(db) {
  const lines = createInterface({ input: createReadStream(source), crlfDelay: Infinity });
  let batch = [];
  let written = 0;
  for await (const line of lines) {
    batch.push(JSON.parse(line));
    if (batch.length === 1000) {
      await db.bulkDocs(batch);
      written += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await db.bulkDocs(batch);
  return written + batch.length;
}

async function replicate(db) {
  const options = { batch_size: Number(batchSize), batches_limit: Number(batchesLimit) };
  const result =
    job === 'push'
      ? await PouchDB.replicate(db, source, options)
      : await PouchDB.replicate(source, db, options);
  if (!result.ok || result.doc_write_failures > 0) {
    throw new Error(`replication failed: ${JSON.stringify(result)}`);
  }
  return result.docs_written;
}

async function main() {
  const db = new PouchDB(folder);
  await db.info();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const docs = job === 'fill' ? await fill(db) : await replicate(db);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const { doc_count: docCount } = await db.info();
  await db.close();
  console.log(
    JSON.stringify({
      docs,
      docCount,
      seconds,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRssMb: peakRssMb(),
    }),
  );
}

if (!['fill', 'push', 'pull'].includes(job)) throw new Error(`unknown job ${job}`);
await main();
