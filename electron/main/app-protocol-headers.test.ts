import { describe, expect, it } from 'vitest';
import { withPageHeaders } from './app-protocol-headers';

describe('withPageHeaders', () => {
  it('adds the policy that forbids framing and sniffing, and keeps the file as it was', async () => {
    const file = new Response('<!doctype html><title>基层一窗通</title>', {
      status: 200,
      headers: { 'content-type': 'text/html' },
    });
    const served = withPageHeaders(file);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/html');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = served.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["frame-ancestors 'none'", "script-src 'self'", "default-src 'self'"]),
    );
    expect(await served.text()).toBe('<!doctype html><title>基层一窗通</title>');
  });

  it('replaces a weaker policy rather than adding a second one', () => {
    const file = new Response('', {
      headers: { 'content-security-policy': "script-src 'unsafe-inline'" },
    });
    const directives = (withPageHeaders(file).headers.get('content-security-policy') ?? '').split(
      '; ',
    );
    expect(directives).toContain("script-src 'self'");
    expect(directives).not.toContain("script-src 'unsafe-inline'");
  });
});
