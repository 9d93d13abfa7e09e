/*
 * Which links the app hands to the system browser. Everything else a page tries to open is refused
 * and logged: a compromised or careless page must not be able to start a download, a custom protocol
 * handler (ms-msdt:, search-ms:, file:) or a phishing page in the clerk's browser.
 * Kept free of Electron so that the list is tested on its own.
 */

/**
 * Government sites a counter clerk is sent to, each with its subdomains:
 * - gov.cn's own site (www.gov.cn): the State Council's notices, among them each year's holiday schedule;
 * - zjzwfw.gov.cn: 浙江政务服务网, where residents' matters are also handled online;
 * - zj.gov.cn: the Zhejiang provincial government and its departments.
 */
const EXTERNAL_LINK_DOMAINS = ['www.gov.cn', 'zjzwfw.gov.cn', 'zj.gov.cn'] as const;

/** Only https, on the default port, with no user name or password, to a listed domain or its subdomain. */
export function mayOpenExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname;
  return EXTERNAL_LINK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
