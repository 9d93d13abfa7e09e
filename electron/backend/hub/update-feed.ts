import { load } from 'js-yaml';
import {
  APP_VERSION_HEADER,
  HUB_ERROR_MESSAGES,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
  hubErrorSchema,
} from '@shared/sync/hub-contract';
import {
  OLDEST_APP_VERSION_HEADER,
  UPDATE_CHANNEL_FILE,
  latestYmlSchema,
  updateFeedUrl,
} from '@shared/sync/updates-contract';
import { HUB_TIMEOUT_MS, HubRefusal, HubUnreachable } from './client';

/** What Electron main hands electron-updater: the generic provider's URL and its request headers. */
export interface UpdateFeed {
  url: string;
  requestHeaders: Record<string, string>;
}

/**
 * The enrolled hub's feed. The token rides in requestHeaders, as electron-updater's generic provider
 * sends them with every request; it never goes into the URL, where logs would keep it.
 */
export function updateFeedFor(hubUrl: string, token: string, appVersion: string): UpdateFeed {
  return {
    url: updateFeedUrl(hubUrl),
    requestHeaders: {
      authorization: bearer(token),
      [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
      [APP_VERSION_HEADER]: appVersion,
    },
  };
}

export interface FeedAnswer {
  latestVersion: string | null;
  releaseDate: string | null;
  oldestAppVersion: string | null;
}

/** Reads latest.yml as electron-updater would; a hub without a release answers 404 NOT_FOUND. */
export async function readFeed(feed: UpdateFeed): Promise<FeedAnswer> {
  let response: Response;
  try {
    response = await fetch(`${feed.url}${UPDATE_CHANNEL_FILE}`, {
      headers: feed.requestHeaders,
      signal: AbortSignal.timeout(HUB_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch {
    throw new HubUnreachable('connection failed');
  }
  const oldestAppVersion = response.headers.get(OLDEST_APP_VERSION_HEADER);
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HubUnreachable(`HTTP ${response.status} not from a hub`);
    }
    const refusal = hubErrorSchema.safeParse(body);
    if (!refusal.success) throw new HubUnreachable(`HTTP ${response.status} not from a hub`);
    if (refusal.data.code === 'NOT_FOUND')
      return { latestVersion: null, releaseDate: null, oldestAppVersion };
    const { code, message } = refusal.data;
    throw new HubRefusal(code, message || HUB_ERROR_MESSAGES[code], response.status);
  }
  let yml: unknown;
  try {
    yml = load(text);
  } catch {
    throw new HubUnreachable('latest.yml is not YAML');
  }
  const parsed = latestYmlSchema.safeParse(yml);
  if (!parsed.success) throw new HubUnreachable('latest.yml not as electron-builder writes it');
  return {
    latestVersion: parsed.data.version,
    releaseDate: parsed.data.releaseDate ?? null,
    oldestAppVersion,
  };
}
