import { describe, expect, it } from 'vitest';
import { isAppUrl, isWebUrl, pageTrust } from './trusted-url';

describe('isAppUrl', () => {
  it.each([
    ['app://desk/index.html', true],
    ['app://desk/applications/1?x=1', true],
    ['app://desk', true],
    ['app://evil/index.html', false],
    ['app://desk.evil/', false],
    ['https://desk/', false],
    ['file:///opt/out/renderer/index.html', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('pageTrust', () => {
  it('trusts only the app origin in a build', () => {
    const trusted = pageTrust(undefined);
    expect(trusted('app://desk/index.html')).toBe(true);
    expect(trusted('http://localhost:5173/')).toBe(false);
  });

  it('adds the dev server origin and nothing wider', () => {
    const trusted = pageTrust('http://localhost:5173/');
    expect(trusted('http://localhost:5173/#/audit')).toBe(true);
    expect(trusted('app://desk/')).toBe(true);
    expect(trusted('http://localhost:5174/')).toBe(false);
    expect(trusted('https://localhost:5173/')).toBe(false);
    expect(trusted('http://localhost.evil.example:5173/')).toBe(false);
  });

  it('never trusts opaque origins, even from a strange dev URL', () => {
    const trusted = pageTrust('data:text/html,hi');
    expect(trusted('data:text/html,<script>1</script>')).toBe(false);
    expect(trusted('about:blank')).toBe(false);
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://www.zjzwfw.gov.cn/', true],
    ['http://example.com/a?b', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['ms-msdt:/id', false],
    ['app://desk/', false],
    ['//example.com', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
