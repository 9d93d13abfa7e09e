import { fail, type Result } from '@shared/api/result';
import type { BackendToMain, CallEnvelope, MainToBackend } from '@shared/api/transport';

/*
 * Keeps the backend process alive and relays calls to it. The process is injected (Electron's
 * utilityProcess in the app, a fake in tests) so that restart and failure paths are tested
 * without Electron.
 */

/** The part of Electron's UtilityProcess the supervisor relies on. */
export interface BackendProcess {
  postMessage(message: MainToBackend): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export type BackendEvent = Extract<BackendToMain, { type: 'event' }>['event'];

interface SupervisorOptions {
  fork: () => BackendProcess;
  /** Backend events and 'backend.restarted', for the windows. */
  onEvent: (event: BackendEvent) => void;
  /** The enrolled hub's update feed, with the token in its headers: for the updater, never a log. */
  onUpdateFeed?: (feed: Extract<BackendToMain, { type: 'updateFeed' }>['feed']) => void;
  /** Automatic restarts stopped; the message is Chinese, for a dialog. */
  onGiveUp: (message: string) => void;
  log: { info(...data: unknown[]): void; error(...data: unknown[]): void };
}

export interface BackendSupervisor {
  start(): void;
  call(envelope: CallEnvelope): Promise<Result<unknown>>;
  stop(): void;
}

export const RESTARTED_MESSAGE = '后台服务意外退出，已自动重启，请重试';
const STOPPED_MESSAGE = '后台服务已停止';
const GAVE_UP_MESSAGE =
  '后台服务多次意外退出，已停止自动重启。请关闭并重新打开基层一窗通；如仍无法使用，请联系系统管理员。';

/** A process that dies sooner than this after starting counts towards giving up. */
export const FAST_CRASH_MS = 30_000;
/** The fourth fast crash in a row stops the restarts: by then it is a bug, not bad luck. */
export const MAX_FAST_CRASHES = 3;
const BACKOFF_MS = [500, 2_000, 5_000];

type State = 'starting' | 'ready' | 'waiting' | 'failed' | 'stopped';

export function createBackendSupervisor(options: SupervisorOptions): BackendSupervisor {
  const { fork, onEvent, onGiveUp, log, onUpdateFeed } = options;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let unsent: MainToBackend[] = [];
  let state: State = 'stopped';
  let child: BackendProcess | null = null;
  let startedAt = 0;
  let fastCrashes = 0;
  let nextId = 1;
  let restartReason: string | null = null;
  let failedMessage = GAVE_UP_MESSAGE;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;

  function settleAll(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    unsent = [];
    for (const resolve of waiting) resolve(fail('INTERNAL', message));
  }

  function spawn(): void {
    restartTimer = null;
    state = 'starting';
    startedAt = Date.now();
    let proc: BackendProcess;
    try {
      proc = fork();
    } catch (error) {
      log.error('后台服务无法创建', error);
      crashed(-1);
      return;
    }
    child = proc;
    proc.on('message', (message) => {
      if (child === proc) received(message);
    });
    proc.on('exit', (code) => {
      if (child !== proc) return;
      child = null;
      if (state !== 'stopped' && state !== 'failed') crashed(code);
    });
  }

  function received(message: unknown): void {
    if (!isBackendMessage(message)) {
      log.error('后台服务发来无法识别的消息', message);
      return;
    }
    switch (message.type) {
      case 'ready':
        becameReady();
        break;
      case 'result': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.result);
        break;
      }
      case 'event':
        onEvent(message.event);
        break;
      case 'fatal':
        giveUp(`后台服务无法启动：${message.message}`);
        break;
      case 'updateFeed':
        onUpdateFeed?.(message.feed);
        break;
    }
  }

  function becameReady(): void {
    state = 'ready';
    log.info(`后台服务就绪，用时 ${Date.now() - startedAt} ms`);
    const queued = unsent;
    unsent = [];
    for (const message of queued) child?.postMessage(message);
    if (restartReason !== null) {
      onEvent({
        name: 'backend.restarted',
        payload: { at: new Date().toISOString(), reason: restartReason },
      });
      restartReason = null;
    }
  }

  function crashed(code: number): void {
    const lived = Date.now() - startedAt;
    fastCrashes = lived < FAST_CRASH_MS ? fastCrashes + 1 : 1;
    log.error(`后台服务意外退出，退出码 ${code}，运行 ${lived} ms`);
    settleAll(RESTARTED_MESSAGE);
    if (fastCrashes > MAX_FAST_CRASHES) {
      giveUp(GAVE_UP_MESSAGE);
      return;
    }
    state = 'waiting';
    restartReason = `后台服务意外退出（退出码 ${code}）`;
    const delay = BACKOFF_MS[Math.min(fastCrashes, BACKOFF_MS.length) - 1] ?? 0;
    restartTimer = setTimeout(spawn, delay);
  }

  function giveUp(message: string): void {
    state = 'failed';
    failedMessage = message;
    log.error(message);
    settleAll(message);
    child?.kill();
    child = null;
    onGiveUp(message);
  }

  return {
    start() {
      if (state === 'stopped') spawn();
    },

    call(envelope) {
      if (state === 'failed') return Promise.resolve(fail('INTERNAL', failedMessage));
      if (state === 'stopped') return Promise.resolve(fail('INTERNAL', STOPPED_MESSAGE));
      const id = nextId++;
      const message: MainToBackend = { type: 'call', id, envelope };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        // Until 'ready' the backend may still be migrating; calls wait rather than fail.
        if (state === 'ready' && child) child.postMessage(message);
        else unsent.push(message);
      });
    },

    stop() {
      state = 'stopped';
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      settleAll(STOPPED_MESSAGE);
      child?.kill();
      child = null;
    },
  };
}

function isBackendMessage(message: unknown): message is BackendToMain {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return (
    type === 'ready' ||
    type === 'result' ||
    type === 'event' ||
    type === 'fatal' ||
    type === 'updateFeed'
  );
}
