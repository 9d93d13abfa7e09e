/**
 * The PouchDB side of the hub for bench/pouchdb/compare.ts: express-pouchdb in its
 * 'minimumForPouchDB' mode (the routes PouchDB's replication uses) over pouchdb-node's LevelDB
 * adapter, on loopback. Prints {"port": N} once listening; stopped by SIGTERM.
 * Run by compare.ts: node bench/pouchdb/server.mjs <folder for the databases>
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';

const folder = process.argv[2];
if (!folder) throw new Error('usage: server.mjs <folder>');
mkdirSync(folder, { recursive: true });
const ServerPouchDB = PouchDB.defaults({ prefix: join(folder, '/') });
const app = expressPouchDB(ServerPouchDB, { mode: 'minimumForPouchDB' });
const server = app.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
