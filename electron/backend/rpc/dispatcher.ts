import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type ApiError,
  type CallEnvelope,
  type MethodName,
  type MethodSpec,
  type Result,
} from '@shared/api';
import { appendAudit } from '../audit/service';
import { ANONYMOUS, type Actor } from '../core/context';
import { DomainError } from '../core/errors';
import { isCorruptionError, isSearchIndexCorruption } from '../db/integrity';
import type { Runtime } from '../core/runtime';
import { findUserRow } from '../users/repository';
import type { Registry } from './registry';

// Nothing was saved: the request's transaction rolled back when the index refused it.
const SEARCH_INDEX_DAMAGED_MESSAGE =
  '搜索索引已损坏，本次操作未完成，已保存的数据不受影响。请管理员在“备份与恢复”页面重建搜索索引后重试';

/** Methods that still answer while the database is damaged or before setup. */
const WHEN_DAMAGED = new Set<MethodName>([
  'system.status',
  'recovery.listBackups',
  'recovery.restore',
]);
const BEFORE_SETUP = new Set<MethodName>([
  'system.status',
  'setup.demoOrgTree',
  'setup.initialize',
  'recovery.listBackups',
  'hub.pendingJoin',
  'hub.join',
  'hub.completeSetup',
]);

function failure(
  code: ApiError['code'],
  message: string,
  fields?: Record<string, string>,
): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

function issuesToFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function firstMessage(fields: Record<string, string>): string {
  const [key, message] = Object.entries(fields)[0] ?? ['', ''];
  // zod's own English messages are not fit to show; the schemas' Chinese ones are.
  return /[\u4e00-\u9fff]/.test(message) ? message : `输入格式不正确（${key}）`;
}

type Authorised = { ok: true; actor: Actor } | { ok: false; result: Result<never> };

async function authorise(
  rt: Runtime,
  name: MethodName,
  spec: MethodSpec,
  session: string | undefined,
): Promise<Authorised> {
  if (spec.access === 'public') {
    return { ok: true, actor: ANONYMOUS };
  }
  const lookup = rt.sessions.touch(session);
  if (lookup.state === 'missing')
    return { ok: false, result: failure('UNAUTHENTICATED', '请先登录') };
  if (lookup.state === 'expired')
    return { ok: false, result: failure('SESSION_EXPIRED', '登录已超过 12 小时，请重新登录') };
  if (lookup.state === 'locked' && !spec.allowLocked) {
    return { ok: false, result: failure('SESSION_LOCKED', '屏幕已锁定，请输入密码解锁') };
  }
  const row = await findUserRow(rt.db, lookup.session.userId);
  if (!row || row.disabled_at) {
    rt.sessions.end(lookup.session.token);
    return { ok: false, result: failure('UNAUTHENTICATED', '账号状态已变化，请重新登录') };
  }
  const actor: Actor = {
    userId: row.id,
    username: row.username,
    role: row.role,
    orgUnitId: row.org_unit_id,
  };
  if (spec.access === 'session') return { ok: true, actor };
  if (row.must_change_password === 1) {
    return { ok: false, result: failure('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码') };
  }
  if (!spec.access.includes(row.role)) {
    await rt.db.transaction().execute((trx) =>
      appendAudit(trx, rt.stamper.nowIso(), actor, rt.terminal?.terminalId ?? null, {
        action: name,
        outcome: 'denied',
        detail: '角色无权执行',
      }),
    );
    return { ok: false, result: failure('FORBIDDEN', '您没有权限执行此操作') };
  }
  return { ok: true, actor };
}

/** The one path every call takes: envelope, state, input, authorisation, handler, output. */
export async function dispatch(
  rt: Runtime,
  registry: Registry,
  envelope: unknown,
  log: (error: unknown) => void,
): Promise<Result<unknown>> {
  if (
    typeof envelope !== 'object' ||
    envelope === null ||
    typeof (envelope as CallEnvelope).method !== 'string'
  ) {
    return failure('INVALID_INPUT', '请求格式不正确');
  }
  const { method, input, session } = envelope as CallEnvelope;
  if (!isMethodName(method)) return failure('UNKNOWN_METHOD', `未知的操作：${method}`);
  if (rt.restoring && method !== 'system.status') {
    return failure('RESTORE_IN_PROGRESS', '正在从备份恢复数据，请稍候再试');
  }
  if (rt.reindexing && method !== 'system.status') {
    return failure('SEARCH_INDEX_REBUILDING', '正在重建搜索索引，请稍候再试');
  }
  if (rt.damaged && !WHEN_DAMAGED.has(method)) {
    return failure('DATABASE_DAMAGED', '数据库已损坏，请从备份恢复');
  }
  if (!rt.damaged && !rt.terminal && !BEFORE_SETUP.has(method)) {
    return failure('SETUP_REQUIRED', '本终端尚未完成初始设置');
  }
  const spec = contract[method] as MethodSpec;
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error);
    return failure('INVALID_INPUT', firstMessage(fields), fields);
  }
  rt.inFlight += 1;
  try {
    const auth = await authorise(
      rt,
      method,
      spec,
      typeof session === 'string' ? session : undefined,
    );
    if (!auth.ok) return auth.result;
    const handler = registry.get(method)!;
    const value = await handler(
      { rt, actor: auth.actor, session: typeof session === 'string' ? session : null },
      parsed.data as never,
    );
    const output = spec.output.safeParse(value);
    if (!output.success) {
      log(new Error(`output of ${method} does not match the contract: ${output.error.message}`));
      return failure('INTERNAL', '系统内部错误，请重试或联系管理员');
    }
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof DomainError) return failure(error.code, error.message, error.fields);
    log(error);
    // Damage a partial start-up check left unread: the same recovery as a failed check.
    if (isCorruptionError(error)) {
      rt.markDamaged(error.message);
      return failure('DATABASE_DAMAGED', '数据库已损坏，请从备份恢复');
    }
    if (isSearchIndexCorruption(error)) {
      rt.searchIndexDamaged = error.message;
      return failure('SEARCH_INDEX_DAMAGED', SEARCH_INDEX_DAMAGED_MESSAGE);
    }
    return failure('INTERNAL', '系统内部错误，请重试或联系管理员');
  } finally {
    rt.inFlight -= 1;
  }
}
