import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { load } from 'js-yaml';
import type { Selectable } from 'kysely';
import { compareVersions } from '@shared/domain/updates';
import {
  latestYmlSchema,
  oldestAppVersionSchema,
  type LatestYml,
  type Release,
} from '@shared/sync/updates-contract';
import type { AppReleasesTable } from './db/schema';
import { HubFailure } from './failure';
import type { Db } from './org-units';

export interface ReleaseStore {
  /** The hub's releases folder: one folder per county, in it one per version. */
  dir: string;
  /** Largest installer accepted, in bytes. */
  sizeLimit: number;
}

export function releaseFilePath(
  store: ReleaseStore,
  countyCode: string,
  version: string,
  fileName: string,
): string {
  return join(store.dir, countyCode, version, fileName);
}

function toRelease(row: Selectable<AppReleasesTable>): Release {
  return {
    version: row.version,
    fileName: row.file_name,
    size: row.size,
    sha512: row.sha512,
    releaseDate: row.release_date,
    uploadedAt: row.uploaded_at.toISOString(),
    oldestAppVersion: row.oldest_app_version,
  };
}

/** The release uploaded last: uploads only ever go forward in version. */
export async function currentReleaseRow(
  db: Db,
  countyCode: string,
): Promise<Selectable<AppReleasesTable> | undefined> {
  return db
    .selectFrom('app_releases')
    .selectAll()
    .where('county_code', '=', countyCode)
    .orderBy('uploaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A release's installer by its name, the newest release first (names usually carry the version). */
export async function releaseByFileName(db: Db, countyCode: string, fileName: string) {
  return db
    .selectFrom('app_releases')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('file_name', '=', fileName)
    .orderBy('uploaded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function parseLatestYml(text: string): LatestYml {
  let raw: unknown;
  try {
    raw = load(text);
  } catch {
    throw new HubFailure('RELEASE_INVALID', 'latest.yml 不是有效的 YAML 文件，未上传');
  }
  const parsed = latestYmlSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    throw new HubFailure('RELEASE_INVALID', undefined, { fields });
  }
  return parsed.data;
}

/**
 * Streams `body` to a temporary file while hashing it, and stops as soon as it is longer than
 * latest.yml says: an installer is never held in memory, and a wrong one never fills the disk.
 */
async function receiveVerified(
  body: Readable,
  target: string,
  expected: { size: number; sha512: string },
): Promise<void> {
  const hash = createHash('sha512');
  let size = 0;
  // pipeline() may reject with the AbortError of the streams it tears down rather than this.
  const tooLong = new HubFailure('RELEASE_FILE_MISMATCH');
  let failure: HubFailure | null = null;
  const temporary = `${target}.incoming-${randomBytes(6).toString('hex')}`;
  try {
    await pipeline(
      body,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > expected.size) throw (failure = tooLong);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(temporary, { flags: 'wx' }),
    );
    if (size !== expected.size || hash.digest('base64') !== expected.sha512)
      throw new HubFailure('RELEASE_FILE_MISMATCH');
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw failure ?? error;
  }
}

export interface UploadRelease {
  countyCode: string;
  /** The text of electron-builder's latest.yml. */
  manifest: string;
  fileName: string;
  body: Readable;
  /** Content-Length, when the request states one: a wrong one is refused before reading a byte. */
  declaredLength?: number | undefined;
  oldestAppVersion?: string | undefined;
  uploadedByTerminalId: string | null;
  now: Date;
}

/**
 * Accepts a release only when the installer is the one latest.yml describes (name, size, sha512)
 * and its version is newer than the current one; then the feed offers it to every terminal.
 */
export async function uploadRelease(
  db: Db,
  store: ReleaseStore,
  upload: UploadRelease,
): Promise<Release> {
  const yml = parseLatestYml(upload.manifest);
  const installer = yml.files[0]!;
  if (installer.url !== upload.fileName)
    throw new HubFailure(
      'RELEASE_INVALID',
      `安装包文件名与 latest.yml 不一致（latest.yml 中为 ${installer.url}），未上传`,
    );
  const oldest =
    upload.oldestAppVersion === undefined
      ? null
      : oldestAppVersionSchema.safeParse(upload.oldestAppVersion);
  if (oldest && !oldest.success)
    throw new HubFailure('RELEASE_INVALID', '最低同步版本应为 1.2.3 形式，未上传');
  if (oldest && compareVersions(oldest.data, yml.version) > 0)
    throw new HubFailure('RELEASE_INVALID', '最低同步版本不能高于本次上传的版本，未上传');
  if (installer.size > store.sizeLimit) throw new HubFailure('PAYLOAD_TOO_LARGE');
  if (upload.declaredLength !== undefined && upload.declaredLength !== installer.size)
    throw new HubFailure('RELEASE_FILE_MISMATCH');
  const current = await currentReleaseRow(db, upload.countyCode);
  if (current && compareVersions(yml.version, current.version) <= 0)
    throw new HubFailure(
      'RELEASE_NOT_NEWER',
      `县级平台上已有版本 ${current.version}，只能上传更新的版本`,
    );

  const folder = join(store.dir, upload.countyCode, yml.version);
  await mkdir(folder, { recursive: true });
  const target = join(folder, upload.fileName);
  await receiveVerified(upload.body, target, installer);
  try {
    const row = await db
      .insertInto('app_releases')
      .values({
        county_code: upload.countyCode,
        version: yml.version,
        file_name: upload.fileName,
        size: installer.size,
        sha512: installer.sha512,
        release_date: yml.releaseDate ?? null,
        latest_yml: upload.manifest,
        oldest_app_version: oldest ? oldest.data : null,
        uploaded_at: upload.now,
        uploaded_by_terminal_id: upload.uploadedByTerminalId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRelease(row);
  } catch (error) {
    // Two uploads of one version at once: the second one's file must not replace the first's.
    await rm(target, { force: true });
    if ((error as { code?: string }).code === '23505') throw new HubFailure('RELEASE_NOT_NEWER');
    throw error;
  }
}

/**
 * The oldest app version the hub syncs with: the higher of the operator's --oldest-app-version and
 * the current release's. Read on every request, so it is cached for a few seconds; an upload in
 * this process takes effect at once.
 */
export class AppVersionPolicy {
  private cached: { value: string | null; at: number } | null = null;

  constructor(
    private readonly db: Db,
    private readonly countyCode: string,
    private readonly floor: string | null,
    private readonly ttlMs = 10_000,
  ) {}

  async oldest(nowMs: number): Promise<string | null> {
    if (this.cached && nowMs - this.cached.at < this.ttlMs) return this.cached.value;
    const current = await currentReleaseRow(this.db, this.countyCode);
    const stated = current?.oldest_app_version ?? null;
    const value =
      stated && this.floor
        ? compareVersions(stated, this.floor) > 0
          ? stated
          : this.floor
        : (stated ?? this.floor);
    this.cached = { value, at: nowMs };
    return value;
  }

  invalidate(): void {
    this.cached = null;
  }
}
