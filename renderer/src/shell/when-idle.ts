/**
 * Runs a task once the page has nothing better to do (or after timeoutMs at the latest), so that
 * work for later never slows what is on screen now. Returns a function that cancels it.
 */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  const handle = requestIdleCallback(task, { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}
