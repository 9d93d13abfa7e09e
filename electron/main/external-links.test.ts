import { describe, expect, it } from 'vitest';
import { mayOpenExternally } from './external-links';

describe('mayOpenExternally', () => {
  it.each([
    ['https://www.gov.cn/zhengce/content/202410/content_6983438.htm', true],
    ['https://www.zjzwfw.gov.cn/', true],
    ['https://zjzwfw.gov.cn/zjservice/item/detail/index.do', true],
    ['https://www.zj.gov.cn/', true],
    ['https://sft.zj.gov.cn/', true],
    ['HTTPS://WWW.GOV.CN/', true],
    // Not on the list, or only looking like it.
    ['https://example.com/', false],
    ['https://gov.cn.example.com/', false],
    ['https://evilzj.gov.cn/', false],
    ['https://zj.gov.cn.evil.cn/', false],
    ['https://www.gov.cn.evil.com/', false],
    ['https://beijing.gov.cn/', false],
    ['https://www.gov.cn@evil.example/', false],
    ['https://user:pass@www.gov.cn/', false],
    ['https://www.gov.cn:8443/', false],
    // Not https.
    ['http://www.gov.cn/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['search-ms:query=x&crumb=location:\\\\evil\\share', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['app://desk/index.html', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(mayOpenExternally(url)).toBe(expected);
  });
});
