import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The electronFuses block of electron-builder.yml as key → value. */
function fuses(): Record<string, string> {
  const yml = readFileSync(resolve(__dirname, '../../electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}\S.*\n)+)/m.exec(yml);
  if (!block) throw new Error('electron-builder.yml has no electronFuses block');
  return Object.fromEntries(
    block[1]!
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/:\s*/, 2) as [string, string]),
  );
}

describe('the fuses of the packaged binary', () => {
  it('load the app only from an app.asar whose integrity is checked', () => {
    expect(fuses()).toMatchObject({
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
    });
  });

  it('leave no way to run it as Node, inject options or attach a debugger', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
