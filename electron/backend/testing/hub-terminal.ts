import { ADMIN_PASSWORD, type Harness } from './harness';

/**
 * A terminal joins the county hub as the wizard does (加入县级平台, then 完成设置) and its first
 * administrator signs in; answers his session. Usernames are unique in the county, so each
 * terminal's administrator is named after his unit unless the test says otherwise.
 */
export async function joinHub(
  h: Harness,
  hubUrl: string,
  code: string,
  options: { username?: string; terminalName?: string } = {},
): Promise<string> {
  const username = options.username ?? 'admin';
  await h.ok('hub.join', { hubUrl, code });
  await h.ok('hub.completeSetup', {
    terminalName: options.terminalName ?? '一号窗口',
    admin: { username, displayName: '陈建国', password: ADMIN_PASSWORD },
  });
  return (await h.ok('auth.signIn', { username, password: ADMIN_PASSWORD })).token;
}
