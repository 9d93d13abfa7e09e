import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { version } from '../../../package.json';
import { startBackend } from '../app/backend';
import { parseHostArgs } from './args';
import { tuneBackendHeap } from './heap';
import { startHttpHost, type HttpHost } from './http-host';

/** Browser mode (`npm run serve`): the same backend behind a loopback HTTP host. */
async function main(): Promise<void> {
  tuneBackendHeap();
  const args = parseHostArgs(process.argv, process.env);
  const dataDir = resolve(args.dataDir ?? join(process.cwd(), '.data'));
  const rendererDir = resolve(args.rendererDir ?? join(__dirname, '../renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer at ${rendererDir}; run npm run build first`);
  }
  const started = Date.now();
  let host: HttpHost | null = null;
  const backend = await startBackend({
    dataDir,
    appVersion: version,
    onEvent: (event) => host?.broadcast(event),
  });
  host = await startHttpHost(backend, {
    port: args.port ?? 5780,
    rendererDir,
    secret: randomBytes(24).toString('hex'),
  });
  console.log(`基层一窗通浏览器模式已启动（${Date.now() - started} ms），数据目录：${dataDir}`);
  console.log('请在浏览器中打开下面的地址（仅本机可访问，地址中含本次启动的密钥）：');
  console.log(host.url);
  const stop = async () => {
    await host?.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
