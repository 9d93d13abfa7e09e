/**
 * Whether a form is being filled in anywhere in the window: 立即重启更新 waits until none is, so an
 * update never lands in the middle of one. Forms with drafts (use-form-draft.ts) register here; an
 * open dialog counts too, since the app's dialogs are forms.
 */
const checks = new Set<() => boolean>();

export function registerFormInProgress(check: () => boolean): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

export function formInProgress(doc: Document = document): boolean {
  if (doc.querySelector('[role="dialog"]')) return true;
  return [...checks].some((check) => check());
}
