import type { FastifyInstance } from 'fastify';
import {
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  enrolRequestSchema,
  enrolResponseSchema,
  healthResponseSchema,
  issueEnrolmentCodeRequestSchema,
  issueEnrolmentCodeResponseSchema,
  listTerminalsResponseSchema,
  orgTreeEditionSchema,
  publishOrgTreeRequestSchema,
  publishOrgTreeResponseSchema,
  revokeTerminalRequestSchema,
  revokeTerminalResponseSchema,
  terminalSelfResponseSchema,
} from '@shared/sync/hub-contract';
import type { HubConfig } from './config';
import { enrol, hubName, issueEnrolmentCode } from './enrolment';
import { HubFailure } from './failure';
import { countyName } from './org-units';
import { latestOrgTree, publishOrgTree } from './org-tree';
import { registerReferenceRoutes } from './reference-routes';
import { listTerminals, requireCountyCentre, revokeTerminal } from './terminals';

/**
 * Every endpoint parses its body with the contract's schema and its answer with the response
 * schema too, so that the hub cannot drift from what terminals expect.
 */
export function registerRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.get(HUB_PATHS.health, async () =>
    healthResponseSchema.parse({
      status: 'ok',
      hubName: hubName(await countyName(db, countyCode)),
      protocolVersion: HUB_PROTOCOL_VERSION,
      oldestProtocolVersion: config.oldestProtocolVersion,
    }),
  );

  app.post(HUB_PATHS.enrol, async (request, reply) => {
    const input = enrolRequestSchema.parse(request.body);
    const enrolled = await enrol(db, countyCode, input, config.now());
    request.log.info(
      { terminalId: enrolled.terminalId, orgUnit: enrolled.orgUnit.code },
      'terminal enrolled',
    );
    return reply.status(201).send(enrolResponseSchema.parse(enrolled));
  });

  app.get(HUB_PATHS.terminal, async (request) => {
    const caller = await app.hubAuthenticate(request);
    return terminalSelfResponseSchema.parse({
      terminalId: caller.terminalId,
      terminalNumber: caller.terminalNumber,
      orgUnit: caller.orgUnit,
      countyCode,
      hubName: hubName(await countyName(db, countyCode)),
      enrolledAt: caller.enrolledAt.toISOString(),
    });
  });

  app.get(HUB_PATHS.orgTree, async (request) => {
    await app.hubAuthenticate(request);
    // One snapshot: a publish between reading the edition and its units must not mix two trees.
    const tree = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => latestOrgTree(trx, countyCode));
    if (!tree) throw new HubFailure('NOT_FOUND', '县级平台尚未发布组织机构');
    return orgTreeEditionSchema.parse(tree);
  });

  app.put(HUB_PATHS.adminOrgTree, async (request) => {
    const caller = await app.hubAuthenticate(request);
    requireCountyCentre(caller, countyCode);
    const input = publishOrgTreeRequestSchema.parse(request.body);
    const tree = await publishOrgTree(db, countyCode, input, caller.terminalId, config.now());
    request.log.info({ edition: tree.edition, units: tree.units.length }, 'org tree published');
    return publishOrgTreeResponseSchema.parse(tree);
  });

  app.post(HUB_PATHS.adminEnrolmentCodes, async (request, reply) => {
    const caller = await app.hubAuthenticate(request);
    requireCountyCentre(caller, countyCode);
    const input = issueEnrolmentCodeRequestSchema.parse(request.body);
    const issued = await issueEnrolmentCode(
      db,
      countyCode,
      input.orgUnitCode,
      caller.terminalId,
      config.now(),
    );
    request.log.info({ orgUnit: issued.orgUnit.code }, 'enrolment code issued');
    return reply.status(201).send(issueEnrolmentCodeResponseSchema.parse(issued));
  });

  app.get(HUB_PATHS.adminTerminals, async (request) => {
    const caller = await app.hubAuthenticate(request);
    requireCountyCentre(caller, countyCode);
    return listTerminalsResponseSchema.parse({ terminals: await listTerminals(db, countyCode) });
  });

  app.post<{ Params: { terminalId: string } }>(
    // The path with a route parameter: the contract's function would percent-encode the colon.
    '/v1/admin/terminals/:terminalId/revoke',
    async (request) => {
      const caller = await app.hubAuthenticate(request);
      requireCountyCentre(caller, countyCode);
      revokeTerminalRequestSchema.parse(request.body ?? {});
      const terminal = await revokeTerminal(
        db,
        countyCode,
        request.params.terminalId,
        caller,
        config.now(),
      );
      request.log.info({ terminalId: terminal.terminalId }, 'terminal revoked');
      return revokeTerminalResponseSchema.parse({ terminal });
    },
  );

  registerReferenceRoutes(app, config);
}
