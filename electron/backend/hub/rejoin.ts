import type { Transaction } from 'kysely';
import type { EnrolResponse, OrgTreeEdition } from '@shared/sync/hub-contract';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import { DomainError } from '../core/errors';
import { requireTerminal, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced, updateSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import { findOrgUnit } from '../org/repository';
import { writeEnrolment } from './repository';

interface Rejoin {
  hubUrl: string;
  enrolled: EnrolResponse;
  orgTree: OrgTreeEdition | null;
  joinedAt: string;
}

/**
 * Units of the county's tree that this terminal lacks, with the hub's ids; units it has keep their
 * ids (matching a standalone terminal's own ids to the county's and re-pointing its records is a
 * step of its own, with a backup first).
 */
async function addMissingUnits(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  tree: OrgTreeEdition,
): Promise<number> {
  const rows = await trx.selectFrom('org_units').select(['id', 'code']).execute();
  const idOfCode = new Map(rows.map((row) => [row.code, row.id]));
  const codeOfHubId = new Map(tree.units.map((unit) => [unit.id, unit.code]));
  let added = 0;
  for (const unit of [...tree.units].sort((a, b) => a.code.length - b.code.length)) {
    if (idOfCode.has(unit.code)) continue;
    const parentCode = unit.parentId ? codeOfHubId.get(unit.parentId) : undefined;
    const parentId = parentCode ? (idOfCode.get(parentCode) ?? null) : null;
    await insertSynced(
      trx,
      stamp,
      'org_units',
      unit.id,
      { code: unit.code, name: unit.name, level: unit.level, parent_id: parentId },
      { id: unit.id },
    );
    idOfCode.set(unit.code, unit.id);
    added += 1;
  }
  return added;
}

/**
 * 重新连接 of a terminal already in use: a revoked one, one whose token was lost, or a standalone one
 * joining its county. Its unit stays; the hub's terminal number replaces the one typed at setup for
 * the case numbers to come (those already issued keep theirs). The tree's renames and retirements,
 * and the edition's record, are the sync cycle's that runs right after.
 */
export async function rejoin(ctx: CallContext, input: Rejoin): Promise<void> {
  const { rt } = ctx;
  const identity = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, identity.orgUnitId);
  const unit = input.enrolled.orgUnit;
  if (!own || own.code !== unit.code) {
    throw new DomainError(
      'HUB_UNIT_MISMATCH',
      `该加入码是为${unit.name}（${unit.code}）签发的，本终端属于${own?.name ?? '其他单位'}（${own?.code ?? '—'}），未连接。请向县级中心管理员索取本单位的加入码，并请其停用刚才登记的 ${input.enrolled.terminalNumber} 号终端`,
    );
  }
  const stamp = stampOf(ctx);
  // Before the settings: a token without settings is never used, settings without a token are.
  rt.hubTokens.write(input.enrolled.token);
  await rt.db.transaction().execute(async (trx) => {
    const terminal = await trx
      .selectFrom('terminals')
      .select(['id', 'version', 'number'])
      .where('id', '=', identity.terminalId)
      .executeTakeFirstOrThrow();
    if (terminal.number !== input.enrolled.terminalNumber)
      await updateSynced(trx, stamp, 'terminals', terminal, {
        number: input.enrolled.terminalNumber,
      });
    const added = input.orgTree ? await addMissingUnits(trx, stamp, input.orgTree) : 0;
    await writeEnrolment(trx, {
      hubUrl: input.hubUrl,
      hubName: input.enrolled.hubName,
      terminalId: input.enrolled.terminalId,
      terminalNumber: input.enrolled.terminalNumber,
      orgUnit: { code: unit.code, name: unit.name, level: unit.level },
      countyCode: input.enrolled.countyCode,
      joinedAt: input.joinedAt,
      lastContactAt: input.joinedAt,
      revokedAt: null,
    });
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, identity.terminalId, {
      action: 'hub.join',
      objectType: 'terminal',
      objectId: identity.terminalId,
      detail: `连接县级平台 ${input.enrolled.hubName}（${input.hubUrl}），终端编号 ${terminal.number}→${input.enrolled.terminalNumber}${added > 0 ? `，新增单位 ${added} 个` : ''}`,
    });
  });
}
