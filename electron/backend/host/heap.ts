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

/** Called first by every process that hosts the backend (the app, browser mode, the benches). */
export function tuneBackendHeap(): void {
  setFlagsFromString(BACKEND_HEAP_FLAG);
}
