import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection. Left to
 * itself V8 picks a factor of up to 4: a pull's pages live across a few slices, reach the old
 * generation and die there, and the backend's heap rose to ~100 MB over ~28 MB live during a pull of
 * 30,000 records (bench/RESULTS.md, "Terminal RSS during sync"). At 1.3 it stayed near 55–75 MB for
 * the same CPU per record. V8 reads the flag at each full collection, so it takes effect when set
 * after the process has started.
 */
export const BACKEND_HEAP_FLAG = '--heap-growing-percent=30';

/**
 * V8 flags that size the heap as V8 creates it, so they must be on the command line of the process
 * that hosts the backend: set later with setFlagsFromString they change nothing. Node's young
 * generation of two 16 MB semi-spaces was a third of the heap's peak during a pull of 100,000
 * records; at 8 MB a semi-space the peak fell by ~16 MB for the same CPU per record (more, shorter
 * scavenges; bench/RESULTS.md, "Terminal RSS under 150 MB").
 */
export const BACKEND_HEAP_START_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * utilityProcess.fork's execArgv for the backend. Electron appends execArgv to the utility
 * process's command line, and the utility process hands Chromium's --js-flags to V8 before it
 * creates its isolate; V8 flags given bare would reach Node only after the heap exists.
 */
export function utilityProcessExecArgv(): string[] {
  return [`--js-flags=${BACKEND_HEAP_START_FLAGS.join(' ')}`];
}

/** Called first by every process that hosts the backend (the app, browser mode, the benches). */
export function tuneBackendHeap(): void {
  setFlagsFromString(BACKEND_HEAP_FLAG);
}
