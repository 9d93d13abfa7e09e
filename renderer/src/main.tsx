/*
 * The page's first script is only what asks for the terminal's status: it runs as soon as its few
 * kilobytes arrive, so the answer that decides the first screen is on its way while React, Mantine and
 * the sign-in form (./boot) are fetched and compiled. Its request goes out before theirs: a page has
 * six connections to the server, and the status waited behind twenty preloaded files when the HTML
 * named them (issue 12: first screen).
 */
import './setup/early-client';
// The first screen's styles come with this script's HTML: nothing paints before they are parsed.
import './setup/styles-first-screen';

// Before ./boot there is no React and no error screen: a script that never arrives (the server
// restarted mid-load) must not leave a blank window.
import('./boot').catch(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = '程序页面未能加载完整，请关闭后重新打开（浏览器模式下请刷新页面）。';
});
