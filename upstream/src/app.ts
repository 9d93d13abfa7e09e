import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import {
  APP_VERSION_HEADER,
  HUB_PATHS,
  OLDEST_PROTOCOL_HEADER,
  PROTOCOL_HEADER,
} from '@shared/sync/hub-contract';
import { isTooOldToSync } from '@shared/domain/updates';
import {
  OLDEST_APP_VERSION_HEADER,
  UPDATE_FEED_PATH,
  answersTooOldApps,
} from '@shared/sync/updates-contract';
import type { HubConfig } from './config';
import { HubFailure, zodFields } from './failure';
import { RateLimiter } from './rate-limit';
import { registerAccountRoutes } from './account-routes';
import { registerRecordPullRoutes } from './record-pull-routes';
import { registerConflictRoutes } from './conflict-routes';
import { registerReleaseRoutes } from './release-routes';
import { AppVersionPolicy } from './releases';
import { registerRoutes } from './routes';
import { registerPushRoutes } from './sync/push-routes';
import { secretHash } from './secrets';
import { authenticate, type Caller } from './terminals';

declare module 'fastify' {
  interface FastifyRequest {
    hubCaller?: Caller;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function buildHub(config: HubConfig): FastifyInstance {
  const app = Fastify({
    logger: config.logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
  });
  const limiter = new RateLimiter(config.rateLimit);
  const enrolLimiter = new RateLimiter(config.enrolRateLimit);
  const appVersions = new AppVersionPolicy(config.db, config.countyCode, config.oldestAppVersion);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(OLDEST_PROTOCOL_HEADER, String(config.oldestProtocolVersion));
    if (request.url === HUB_PATHS.health) return;
    const stated = Number(request.headers[PROTOCOL_HEADER]);
    // The update feed answers any protocol: a terminal too old to sync gets its update there.
    const feed = request.url.startsWith(`${UPDATE_FEED_PATH}/`);
    if (!feed && (!Number.isInteger(stated) || stated < config.oldestProtocolVersion)) {
      throw new HubFailure('PROTOCOL_TOO_OLD', undefined, {
        oldestProtocolVersion: config.oldestProtocolVersion,
      });
    }
    const token = bearerToken(request);
    const retryAfter = token
      ? limiter.take(`token:${secretHash(token)}`, Date.now())
      : enrolLimiter.take(`address:${request.ip}`, Date.now());
    if (retryAfter !== null) {
      reply.header('retry-after', String(retryAfter));
      throw new HubFailure('RATE_LIMITED', undefined, { retryAfterSeconds: retryAfter });
    }
    const appVersion = request.headers[APP_VERSION_HEADER];
    if (typeof appVersion === 'string' && !answersTooOldApps(request.url)) {
      const oldest = await appVersions.oldest(Date.now());
      if (oldest) reply.header(OLDEST_APP_VERSION_HEADER, oldest);
      if (isTooOldToSync(appVersion, oldest)) {
        throw new HubFailure('APP_TOO_OLD', undefined, { oldestAppVersion: oldest! });
      }
    }
  });

  app.decorate('hubAuthenticate', async (request: FastifyRequest): Promise<Caller> => {
    const token = bearerToken(request);
    if (!token) throw new HubFailure('UNAUTHENTICATED');
    const appVersion = request.headers[APP_VERSION_HEADER];
    request.hubCaller = await authenticate(
      config.db,
      config.countyCode,
      token,
      typeof appVersion === 'string' ? appVersion : undefined,
      config.now(),
    );
    return request.hubCaller;
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HubFailure) {
      if (error.status >= 500) request.log.error({ err: error }, 'hub failure');
      return reply.status(error.status).send(error.body());
    }
    if (error instanceof ZodError) {
      const failure = new HubFailure('INVALID_INPUT', undefined, { fields: zodFields(error) });
      return reply.status(failure.status).send(failure.body());
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      const failure = new HubFailure('PAYLOAD_TOO_LARGE');
      return reply.status(failure.status).send(failure.body());
    }
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, a wrong content type.
      const failure = new HubFailure('INVALID_INPUT');
      return reply.status(failure.status).send(failure.body());
    }
    request.log.error({ err: error }, 'unexpected error');
    const failure = new HubFailure('INTERNAL');
    return reply.status(failure.status).send(failure.body());
  });

  app.setNotFoundHandler((_request, reply) => {
    const failure = new HubFailure('NOT_FOUND', '县级平台没有这个接口');
    return reply.status(failure.status).send(failure.body());
  });

  registerRoutes(app, config);
  registerAccountRoutes(app, config);
  registerConflictRoutes(app, config);
  registerReleaseRoutes(app, config, appVersions);
  registerRecordPullRoutes(app, config);
  registerPushRoutes(app, config);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    hubAuthenticate(request: FastifyRequest): Promise<Caller>;
  }
}
