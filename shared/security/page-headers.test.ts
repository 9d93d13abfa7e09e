import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PAGE_POLICY_DIRECTIVES } from './page-headers';

function metaPolicy(): string {
  const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('renderer/index.html has no Content-Security-Policy meta tag');
  return meta[1]!;
}

describe('the page policy', () => {
  it('is the one the HTML states, so the dev server and the packaged app agree', () => {
    expect(metaPolicy().split('; ')).toEqual([...PAGE_POLICY_DIRECTIVES]);
  });

  it('forbids framing, plugins, foreign scripts and inline scripts', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });
});
