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

/**
 * glibc's malloc settings for the process that hosts the backend, read from its environment as it
 * starts (Linux only: other systems' allocators have other names and ignore these). Left to itself,
 * glibc gives each thread that contends for malloc an arena of its own (up to eight a core: the pull's
 * thread, libuv's pool, V8's helpers), and a freed block above the mmap threshold raises the threshold,
 * so the buffers of the hub's later pages are carved from an arena and stay resident after they are
 * freed: malloc held 35–44 MB at the peak of a pull of 100,000 records, ~17 MB with two arenas and a
 * fixed 128 KiB threshold, for no CPU a record that showed beyond a loaded machine's noise
 * (bench/RESULTS.md, "The terminal under 150 MB during a pull"). Fixing the threshold also keeps the
 * trim threshold from rising with it, so the freed top of an arena goes back to the system. Not
 * measured in Electron (no binary here).
 */
export function backendMallocEnv(
  platform: NodeJS.Platform = process.platform,
): Record<string, string> {
  if (platform !== 'linux') return {};
  return { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };
}
