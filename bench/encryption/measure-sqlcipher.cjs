// NOT RUN BY ANY SCRIPT: needs better-sqlite3-multiple-ciphers, which is NOT a dependency of this project.
// Issue 11 item 5's measurement of encryption at rest (bench/RESULTS.md). To repeat it, in a scratch folder:
//   npm install better-sqlite3-multiple-ciphers@12.6.2   (builds SQLite3MultipleCiphers from source: ~25 min)
//   cp <bench data>/desk.sqlite enc.sqlite && node measure-sqlcipher.cjs encrypt enc.sqlite
//   node measure-sqlcipher.cjs plain <bench data>/desk.sqlite ; node measure-sqlcipher.cjs enc enc.sqlite
// It writes and then deletes rows of a table of its own (probe_save) in the files it is given.
/* global require, process, console, performance */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node, outside the build */
const Database = require('better-sqlite3-multiple-ciphers');
const fs = require('fs');
const KEY = 'x'.repeat(32);
const [mode, file, cipher] = process.argv.slice(2);
const pct = (a, p) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (a) =>
  `p50 ${pct(a, 50).toFixed(2)}  p95 ${pct(a, 95).toFixed(2)}  max ${Math.max(...a).toFixed(2)} ms`;
function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
if (mode === 'encrypt') {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  if (cipher) db.pragma(`cipher = '${cipher}'`);
  const ms = time(() => db.pragma(`rekey = '${KEY}'`));
  db.pragma('journal_mode = WAL');
  db.close();
  console.log(
    `encrypted ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB with ${cipher || 'default (chacha20)'} in ${(ms / 1000).toFixed(1)} s`,
  );
} else {
  const db = new Database(file);
  if (mode === 'enc') {
    if (cipher) db.pragma(`cipher = '${cipher}'`);
    db.pragma(`key = '${KEY}'`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const names = db.prepare('SELECT name FROM residents ORDER BY random() LIMIT 200').pluck().all();
  const org = db
    .prepare('SELECT org_unit_id FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get();
  const fts = db.prepare('SELECT rowid FROM residents_fts WHERE residents_fts MATCH ? LIMIT 20');
  const page = db.prepare(
    'SELECT * FROM cases WHERE org_unit_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 20 OFFSET ?',
  );
  const byNumber = db.prepare('SELECT * FROM residents WHERE doc_number = ?');
  const numbers = db
    .prepare('SELECT doc_number FROM residents ORDER BY random() LIMIT 200')
    .pluck()
    .all();
  db.exec('CREATE TABLE IF NOT EXISTS probe_save (id INTEGER PRIMARY KEY, a TEXT, b TEXT)');
  const insert = db.prepare('INSERT INTO probe_save (a, b) VALUES (?, ?)');
  const save = db.transaction((i) => {
    for (let k = 0; k < 8; k++) insert.run('受理'.repeat(40) + i, 'x'.repeat(300));
  });
  const r = { search: [], number: [], page: [], deep: [], save: [] };
  names.forEach((n) => r.search.push(time(() => fts.all(`"${n.slice(0, 3).padEnd(3, n[0])}"`))));
  numbers.forEach((n) => r.number.push(time(() => byNumber.all(n))));
  for (let i = 0; i < 200; i++)
    r.page.push(time(() => page.all(org, Math.floor(Math.random() * 5) * 20)));
  for (let i = 0; i < 200; i++)
    r.deep.push(time(() => page.all(org, 20 * (200 + Math.floor(Math.random() * 800)))));
  for (let i = 0; i < 200; i++) r.save.push(time(() => save(i)));
  const scan = time(() => db.prepare('SELECT count(*), sum(length(name)) FROM residents').get());
  const scanCases = time(() =>
    db.prepare('SELECT count(*), sum(length(applicant_name)) FROM cases').get(),
  );
  db.exec('DELETE FROM probe_save');
  db.close();
  console.log(`${mode}${cipher ? ' ' + cipher : ''}:`);
  for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(7)} ${fmt(v)}`);
  console.log(`  full scan residents ${scan.toFixed(0)} ms, cases ${scanCases.toFixed(0)} ms`);
}
