import type { BackendToMain, MainToBackend } from '@shared/api';
import { AUDIT_KEY_ENV, HUB_TOKEN_KEY_ENV } from '@shared/api/transport';
import { version } from '../../../package.json';
import { startBackend } from '../app/backend';
import { parseAuditKey } from '../audit/key-file';
import { parseHostArgs } from './args';
import { tuneBackendHeap } from './heap';

/** Electron's utilityProcess port, typed here because the backend never imports Electron. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: BackendToMain): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

async function main(port: ParentPort): Promise<void> {
  tuneBackendHeap();
  const args = parseHostArgs(process.argv, process.env);
  if (!args.dataDir) throw new Error('the backend needs --data <dir>');
  const keyHex = process.env[AUDIT_KEY_ENV];
  delete process.env[AUDIT_KEY_ENV];
  const hubKeyHex = process.env[HUB_TOKEN_KEY_ENV];
  delete process.env[HUB_TOKEN_KEY_ENV];
  const backend = await startBackend({
    dataDir: args.dataDir,
    appVersion: version,
    sqliteBinding: args.sqliteBinding ?? undefined,
    auditKey: keyHex ? parseAuditKey(keyHex) : undefined,
    // The same shape as the audit key: 64 hexadecimal digits.
    hubTokenKey: hubKeyHex ? parseAuditKey(hubKeyHex) : undefined,
    onEvent: (event) => port.postMessage({ type: 'event', event }),
    onUpdateFeed: (feed) => port.postMessage({ type: 'updateFeed', feed }),
  });
  port.on('message', ({ data }) => {
    const message = data as MainToBackend;
    if (message?.type !== 'call' || typeof message.id !== 'number') return;
    void backend
      .call(message.envelope)
      .then((result) => port.postMessage({ type: 'result', id: message.id, result }));
  });
  port.postMessage({ type: 'ready', at: new Date().toISOString() });
}

if (!parentPort) {
  console.error('backend.js runs inside Electron utilityProcess; for browser mode use serve.js');
  process.exit(2);
} else {
  main(parentPort).catch((error: unknown) => {
    parentPort.postMessage({
      type: 'fatal',
      message: error instanceof Error ? error.message : String(error),
    });
    process.exit(1);
  });
}
