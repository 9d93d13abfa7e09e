/**
 * What closing the window would lose: typing a draft has not stored yet (use-form-draft.ts) and a
 * dialog holding changes (FormModal). While any is, the window asks before it closes: the page's
 * beforeunload is prevented, which a browser turns into its own question and Electron's main process
 * into one in Chinese (electron/main/close-guard.ts). Forms whose drafts are stored lose nothing by a
 * close and do not ask.
 */
const checks = new Set<() => boolean>();

export function registerUnsavedWork(check: () => boolean): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

export function hasUnsavedWork(): boolean {
  return [...checks].some((check) => check());
}

/** Installed once by the signed-in shell; answers the function that removes it. */
export function guardWindowClose(target: Window = window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedWork()) return;
    event.preventDefault();
    // Older Chromium (and so older Electron) asks only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
