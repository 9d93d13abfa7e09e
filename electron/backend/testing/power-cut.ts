import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/*
 * What a power cut would leave of a database in WAL mode: the file and the WAL as they stood at the
 * last fsync of the WAL. SQLite syncs the WAL when a transaction that appended to it commits at
 * synchronous=FULL (or EXTRA), and that sync covers every frame before; a commit at NORMAL appends
 * without a sync. The image is copied after each such commit, seen on the real connection by wrapping
 * its statements: a commit appended to the WAL when the WAL-index header (in the -shm file, which
 * SQLite maps shared) changed. Statements prepared before the watch began are not seen: the image can
 * only lag behind the disk, never run ahead of it. A checkpoint's sync is not counted either.
 */

const FULL = 2;
/** The WAL-index header SQLite updates at each commit that appends frames (mxFrame, salts, checksums). */
const HEADER_BYTES = 48;

type Method = (...args: unknown[]) => unknown;

export interface PowerCutImage {
  /** Commits seen to sync the WAL since the watch began. */
  readonly syncs: number;
  /** A copy of the image, as the terminal would find its database when the power is back; close it before stop(). */
  open(): BetterSqlite3.Database;
  stop(): void;
}

function walIndexHeader(shm: string): string {
  if (!existsSync(shm)) return '';
  const fd = openSync(shm, 'r');
  try {
    const bytes = Buffer.alloc(HEADER_BYTES);
    readSync(fd, bytes, 0, HEADER_BYTES, 0);
    return bytes.toString('hex');
  } finally {
    closeSync(fd);
  }
}

export function watchPowerCutImage(sqlite: BetterSqlite3.Database): PowerCutImage {
  const file = sqlite.name;
  const dir = mkdtempSync(join(tmpdir(), 'desk-power-cut-'));
  const image = join(dir, basename(file));
  const copy = () => {
    copyFileSync(file, image);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${image}-wal`);
    else rmSync(`${image}-wal`, { force: true });
  };
  copy();
  const original = { prepare: sqlite.prepare, pragma: sqlite.pragma, exec: sqlite.exec };
  let header = walIndexHeader(`${file}-shm`);
  let syncs = 0;
  // Statements prepared while watching stay wrapped in prepared()'s cache after stop().
  let stopped = false;
  const level = () => original.pragma.call(sqlite, 'synchronous', { simple: true }) as number;
  const afterStatement = () => {
    if (stopped || sqlite.inTransaction) return;
    const now = walIndexHeader(`${file}-shm`);
    if (now !== header && level() >= FULL) {
      copy();
      syncs += 1;
    }
    header = now;
  };
  const watched = <T extends Method>(method: T, self: () => object): T =>
    ((...args: unknown[]) => {
      const result = method.apply(self(), args);
      afterStatement();
      return result;
    }) as T;
  const wrapStatement = (statement: BetterSqlite3.Statement): BetterSqlite3.Statement => {
    const proxy: BetterSqlite3.Statement = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (
          property === 'run' ||
          property === 'get' ||
          property === 'all' ||
          property === 'iterate'
        )
          return watched(value as Method, () => target);
        // pluck(), raw(), bind()… answer the statement itself: keep answering the proxy.
        return (...args: unknown[]) => {
          const result: unknown = (value as Method).apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  sqlite.prepare = ((source: string) =>
    wrapStatement(original.prepare.call(sqlite, source))) as typeof sqlite.prepare;
  sqlite.pragma = watched(original.pragma as Method, () => sqlite) as typeof sqlite.pragma;
  sqlite.exec = watched(original.exec as Method, () => sqlite) as typeof sqlite.exec;
  return {
    get syncs() {
      return syncs;
    },
    open() {
      const at = mkdtempSync(join(dir, 'after-cut-'));
      const opened = join(at, basename(file));
      copyFileSync(image, opened);
      if (existsSync(`${image}-wal`)) copyFileSync(`${image}-wal`, `${opened}-wal`);
      return new BetterSqlite3(opened);
    },
    stop() {
      stopped = true;
      Object.assign(sqlite, original);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
