import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built browser-mode server (`npm run build`). */
export const SERVE = join(__dirname, '..', '..', 'out', 'main', 'serve.js');
export const BUILT_RENDERER = join(__dirname, '..', '..', 'out', 'renderer');

export interface Started {
  url: string;
  spawnToUrlMs: number;
  backendReportedMs: number;
  stop(): Promise<void>;
}

/** Starts `serve.js` on a data folder as `npm run serve` does, resolving once it prints its URL. */
export function startServe(dataDir: string, renderer = BUILT_RENDERER): Promise<Started> {
  const t0 = performance.now();
  const args = [SERVE, '--data', dataDir, '--port', '0', '--renderer', renderer];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    let backendReportedMs = Number.NaN;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const reported = /（(\d+) ms）/.exec(buffer);
      if (reported) backendReportedMs = Number(reported[1]);
      const url = /^(http:\/\/127\.0\.0\.1:\d+\/\?secret=[0-9a-f]+)$/m.exec(buffer);
      if (url)
        resolve({
          url: url[1]!,
          spawnToUrlMs: performance.now() - t0,
          backendReportedMs,
          stop: () => {
            child.kill();
            return exited;
          },
        });
    });
    child.on('exit', (code) =>
      reject(new Error(`serve.js exited with ${code} before printing its URL`)),
    );
  });
}
