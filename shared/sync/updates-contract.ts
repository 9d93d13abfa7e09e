import { z } from 'zod';
import { isVersion } from '../domain/updates';
import { HUB_PATHS } from './hub-contract';

/**
 * App updates served by the county hub: the government extranet has no internet, so the hub is
 * electron-updater's generic provider. The feed is a folder: `<feed>/latest.yml` (electron-builder's
 * channel file, as uploaded) and each installer beside it at `<feed>/<file name>`. electron-updater
 * sends the terminal's bearer token through its requestHeaders; only enrolled terminals get it.
 */

/** The feed's folder; electron-updater's generic provider takes `<hub URL>/v1/updates/`. */
export const UPDATE_FEED_PATH = '/v1/updates';
/** electron-builder's channel file for the Windows installer (the terminals run Windows). */
export const UPDATE_CHANNEL_FILE = 'latest.yml';

export function updateFeedUrl(hubUrl: string): string {
  return `${hubUrl.replace(/\/+$/, '')}${UPDATE_FEED_PATH}/`;
}

/** The county centre uploads a release: the installer as the body, latest.yml in a header. */
export const ADMIN_RELEASES_PATH = '/v1/admin/releases';
export function adminReleaseUploadPath(fileName: string): string {
  return `${ADMIN_RELEASES_PATH}/${encodeURIComponent(fileName)}`;
}
/** latest.yml as uploaded, base64 of its UTF-8 text (a few hundred bytes). */
export const RELEASE_MANIFEST_HEADER = 'x-township-desk-release-manifest';
/** Optional with an upload: from now on the hub syncs only with this app version or newer. */
export const OLDEST_APP_VERSION_HEADER = 'x-township-desk-oldest-app-version';

/** Installers are 100–200 MB; the hub streams them to disk and refuses what is larger than this. */
export const DEFAULT_RELEASE_SIZE_LIMIT = 512 * 1024 * 1024;

/**
 * Which requests an app older than the hub's oldest app version may still make: /health, enrolment,
 * its own enrolment, the update feed and county administration. Everything else is sync and answers
 * APP_TOO_OLD (426), so that an old app never writes or reads shapes it no longer understands.
 */
export function answersTooOldApps(path: string): boolean {
  const bare = path.split('?')[0]!;
  return (
    bare === HUB_PATHS.health ||
    bare === HUB_PATHS.enrol ||
    bare === HUB_PATHS.terminal ||
    bare.startsWith(`${UPDATE_FEED_PATH}/`) ||
    bare.startsWith(`${ADMIN_RELEASES_PATH}/`) ||
    bare === HUB_PATHS.adminEnrolmentCodes ||
    bare === HUB_PATHS.adminTerminals ||
    bare.startsWith(`${HUB_PATHS.adminTerminals}/`)
  );
}

const versionSchema = z.string().trim().refine(isVersion, '版本号应为 1.2.3 形式');
const base64Sha512 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 应为 88 位 base64');
/** A file name alone: the feed serves it beside latest.yml, never from another folder. */
export const releaseFileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) =>
      ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32) &&
      name !== '.' &&
      name !== '..',
    '文件名不能含路径',
  );

/**
 * electron-builder's latest.yml, parsed. Unknown keys (releaseNotes, stagingPercentage…) are kept:
 * the feed serves the text as uploaded. One installer per release: the NSIS installer Windows
 * terminals run.
 */
export const latestYmlSchema = z
  .looseObject({
    version: versionSchema,
    files: z
      .array(
        z.looseObject({
          url: releaseFileNameSchema,
          sha512: base64Sha512,
          size: z.number().int().positive(),
        }),
      )
      .length(1, '每个版本只含一个安装包'),
    path: releaseFileNameSchema.optional(),
    sha512: base64Sha512.optional(),
    releaseDate: z.union([z.string(), z.date().transform((date) => date.toISOString())]).optional(),
  })
  .refine((yml) => yml.path === undefined || yml.path === yml.files[0]!.url, {
    message: 'path 与 files 中的安装包不一致',
    path: ['path'],
  })
  .refine((yml) => yml.sha512 === undefined || yml.sha512 === yml.files[0]!.sha512, {
    message: 'sha512 与 files 中的安装包不一致',
    path: ['sha512'],
  });
export type LatestYml = z.infer<typeof latestYmlSchema>;

export const releaseSchema = z.object({
  version: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  sha512: z.string(),
  releaseDate: z.string().nullable(),
  uploadedAt: z.string(),
  /** The oldest app version the hub syncs with from this release on; null: no limit. */
  oldestAppVersion: z.string().nullable(),
});
export type Release = z.infer<typeof releaseSchema>;

// PUT /v1/admin/releases/:fileName (county centre only), body application/octet-stream
export const uploadReleaseResponseSchema = z.object({ release: releaseSchema });
export const oldestAppVersionSchema = versionSchema;
