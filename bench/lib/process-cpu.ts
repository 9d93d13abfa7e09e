import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux everywhere it matters. */
const TICKS_PER_SECOND = 100;

function stat(pid: string): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields after it start past the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, and cutime + cstime: the CPU of children that exited and were waited for.
    const own = Number(fields[11]) + Number(fields[12]);
    return { ppid: Number(fields[1]), ticks: own + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, from /proc (Linux).
 * Descendants that have exited count through their parent's cutime/cstime once it has reaped them,
 * as the postmaster does its backends: a pool connection closed while idle (pg's pool closes one
 * after 10 s) took its backend's CPU with it before, and a backend alive at the start and gone at
 * the end made the difference too small, even negative. Less sensitive to a busy machine than
 * latencies are: waiting for a core costs time, not CPU.
 */
export function treeCpuSeconds(rootPid: number): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = stat(entry);
    if (!info) continue;
    const pid = Number(entry);
    ticks.set(pid, info.ticks);
    children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += ticks.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total / TICKS_PER_SECOND;
}
