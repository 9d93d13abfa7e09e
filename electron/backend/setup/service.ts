import { checkDivisionCode, parentDivisionCode } from '@shared/domain/division-code';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@shared/domain/password';
import type { DemoOrgNode, MethodOutput, MethodParsedInput } from '@shared/api';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { appendAudit } from '../audit/service';
import { hashPassword } from '../auth/password-hash';
import type { ChangeStamp } from '../core/changes';
import type { Actor } from '../core/context';
import { DomainError } from '../core/errors';
import type { CallContext } from '../core/runtime';
import { insertSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import { toOrgUnit } from '../org/repository';
import { checkedCounterPhone, getSetting, putSetting } from '../settings/service';
import { DEFAULT_SETTINGS } from '../core/runtime';
import { loadDemoOrgTree } from './demo-org-tree';
import { seedHolidayCalendar } from '../calendar/seed';
import { seedCatalogue } from '../catalogue/seed';
import type { Transaction } from 'kysely';

type SetupInput = MethodParsedInput<'setup.initialize'>;

function validate(input: SetupInput): void {
  const fields: Record<string, string> = {};
  const codeProblem = checkDivisionCode(input.divisionCode, input.level);
  if (codeProblem) fields.divisionCode = codeProblem;
  const passwordProblem = checkPassword(input.admin.password, input.admin.username);
  if (passwordProblem) fields['admin.password'] = PASSWORD_PROBLEM_MESSAGES[passwordProblem];
  if (codeProblem) throw new DomainError('INVALID_DIVISION_CODE', codeProblem, fields);
  if (passwordProblem)
    throw new DomainError('WEAK_PASSWORD', PASSWORD_PROBLEM_MESSAGES[passwordProblem], fields);
}

/** An org unit to create at setup; `id` when the hub named it (derived from the division code). */
export type SetupOrgNode = DemoOrgNode & { id?: string };

/** Inserts the org units, parents first; returns code → id. */
async function insertOrgUnits(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  nodes: SetupOrgNode[],
  ids: Map<string, string>,
) {
  const byDepth = [...nodes].sort((a, b) => a.code.length - b.code.length);
  for (const node of byDepth) {
    if (ids.has(node.code)) continue;
    // An org unit owns itself: its id is also its org_unit_id. Derived from the division code, as
    // the hub derives it, so that a standalone terminal joining its county later has nothing to match.
    const id = node.id ?? orgUnitIdFromDivisionCode(node.code);
    const parentId = node.parentCode ? (ids.get(node.parentCode) ?? null) : null;
    await insertSynced(
      trx,
      stamp,
      'org_units',
      id,
      { code: node.code, name: node.name, level: node.level, parent_id: parentId },
      { id },
    );
    ids.set(node.code, id);
  }
}

/** What both ways of setting up (standalone, or after joining the county hub) write. */
export interface NewTerminal {
  /** Every org unit to create; one of them has `divisionCode`. */
  nodes: SetupOrgNode[];
  divisionCode: string;
  /** The hub's id for this terminal; a new one when set up standalone. */
  terminalId?: string;
  terminalName: string;
  terminalNumber: string;
  /** Already checked (checkedCounterPhone). */
  counterPhone: string;
  admin: SetupInput['admin'];
  /** The administrator's id and hash when chosen before: reserved at the county hub, or the unit's own. */
  adminAccount?: { id: string; passwordHash: string } | null;
  audit: { action: string; detail: string };
  /** More writes in the same transaction (the hub's enrolment settings). */
  alsoWrite?: (trx: Transaction<Database>) => Promise<void>;
}

/** Creates the org units, this terminal and its first administrator in one transaction. */
export async function setUpTerminal(
  ctx: CallContext,
  input: NewTerminal,
): Promise<MethodOutput<'setup.initialize'>> {
  const { rt } = ctx;
  if (rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
  const terminalId = input.terminalId ?? rt.stamper.newId();
  rt.stamper.setNode(terminalId);
  const adminId = input.adminAccount?.id ?? rt.stamper.newId();
  const passwordHash =
    input.adminAccount?.passwordHash ?? (await hashPassword(input.admin.password));
  const ids = new Map<string, string>();
  const identity = { terminalId, orgUnitId: '' };
  const actor: Actor = {
    userId: adminId,
    username: input.admin.username,
    role: 'admin',
    orgUnitId: null,
  };
  const stamp: ChangeStamp = { stamper: rt.stamper, terminal: identity, actor };

  await rt.db.transaction().execute(async (trx) => {
    // Two windows could submit the wizard at once; the transaction is the one place that decides.
    if (await getSetting(trx, 'terminal_id'))
      throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
    await insertOrgUnits(trx, stamp, input.nodes, ids);
    const orgUnitId = ids.get(input.divisionCode)!;
    identity.orgUnitId = orgUnitId;
    actor.orgUnitId = orgUnitId;
    await insertSynced(
      trx,
      stamp,
      'terminals',
      orgUnitId,
      { name: input.terminalName, number: input.terminalNumber },
      { id: terminalId },
    );
    await insertSynced(
      trx,
      stamp,
      'users',
      orgUnitId,
      {
        username: input.admin.username,
        display_name: input.admin.displayName,
        role: 'admin',
        password_hash: passwordHash,
        // Typed by the administrator himself: only a password someone else set must be changed.
        must_change_password: 0,
        failed_attempts: 0,
        locked_until: null,
        disabled_at: null,
        last_sign_in_at: null,
      },
      { id: adminId },
    );
    await putSetting(trx, 'terminal_id', terminalId);
    await putSetting(trx, 'org_unit_id', orgUnitId);
    await putSetting(trx, 'idle_lock_minutes', String(DEFAULT_SETTINGS.idleLockMinutes));
    await putSetting(trx, 'backup_retention_days', String(DEFAULT_SETTINGS.backupRetentionDays));
    await putSetting(trx, 'counter_phone', input.counterPhone);
    await seedHolidayCalendar(trx, rt.stamper.nowIso());
    await seedCatalogue(trx, stamp, orgUnitId);
    await input.alsoWrite?.(trx);
    await appendAudit(trx, rt.stamper.nowIso(), actor, terminalId, {
      action: input.audit.action,
      objectType: 'org_unit',
      objectId: orgUnitId,
      detail: input.audit.detail,
    });
  });

  rt.terminal = { terminalId, orgUnitId: identity.orgUnitId };
  rt.settings = { ...DEFAULT_SETTINGS, counterPhone: input.counterPhone };
  const orgRow = await rt.db
    .selectFrom('org_units')
    .selectAll()
    .where('id', '=', identity.orgUnitId)
    .executeTakeFirstOrThrow();
  return {
    orgUnit: toOrgUnit(orgRow),
    terminal: {
      id: terminalId,
      name: input.terminalName,
      number: input.terminalNumber,
      orgUnitId: identity.orgUnitId,
    },
  };
}

export async function initialize(
  ctx: CallContext,
  input: SetupInput,
): Promise<MethodOutput<'setup.initialize'>> {
  if (ctx.rt.terminal) throw new DomainError('SETUP_DONE', '本终端已完成初始设置');
  validate(input);
  const nodes: DemoOrgNode[] = input.loadDemoOrgTree ? loadDemoOrgTree().nodes : [];
  const own = nodes.find((node) => node.code === input.divisionCode);
  if (own) {
    own.name = input.orgName;
  } else {
    const parentCode = parentDivisionCode(input.divisionCode);
    nodes.push({
      code: input.divisionCode,
      name: input.orgName,
      level: input.level,
      parentCode: parentCode && nodes.some((node) => node.code === parentCode) ? parentCode : null,
    });
  }
  // Checked before anything is written: a mistyped phone sends the wizard back to its field.
  const counterPhone = checkedCounterPhone(input.counterPhone);
  return setUpTerminal(ctx, {
    nodes,
    divisionCode: input.divisionCode,
    terminalName: input.terminalName,
    terminalNumber: input.terminalNumber,
    counterPhone,
    admin: input.admin,
    audit: {
      action: 'setup.initialize',
      detail: `${input.orgName}（${input.divisionCode}），终端 ${input.terminalNumber} ${input.terminalName}${input.loadDemoOrgTree ? '，已加载演示组织架构' : ''}`,
    },
  });
}

export function demoOrgTree(): MethodOutput<'setup.demoOrgTree'> {
  return loadDemoOrgTree();
}
