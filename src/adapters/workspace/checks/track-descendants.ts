// Finds and ends every process a check command started, without a PID namespace or cgroup. A test may leave
// its process group (setsid) and its parent may exit, so the process is re-parented out of our tree; the
// kill of the group then misses it and it keeps writing into the restored checkout. Two nets catch it:
//  - a marker variable set in the command's environment, inherited by everything it starts, found again in
//    /proc/<pid>/environ (a process would have to exec with a scrubbed environment to drop it);
//  - the parent tree below the command, sampled while it runs (pid + start time, so a reused pid is never hit),
//    which catches what scrubbed its environment while its parent still lived.
// Everything found is stopped first (SIGSTOP: it can no longer fork), searched again, then killed.
import { descendantsOf, environHas, processTable, readProcess, type ProcessEntry } from "./process-table.js";

export interface DescendantTracker {
  /** Sample the tree now (also done on a timer while the command runs). */
  sample(): void;
  /** Stop sampling, then stop and SIGKILL every process found; resolves with their pids. */
  killAll(): Promise<number[]>;
}

const SAMPLE_MS = 200;
const MAX_ROUNDS = 20;
const REAP_WAIT_MS = 1_000;

// Referenced on purpose: the reap wait is bounded, and an unreferenced timer could let the CLI's event loop run
// dry mid-await (exit 13).
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const key = (process: ProcessEntry) => `${process.pid}:${process.start}`;

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // ESRCH: already gone.
  }
}

/** `marker` is the `NAME=value` entry put in the command's environment; `rootPid` the spawned process. */
export function trackDescendants(rootPid: number, marker: string): DescendantTracker {
  const seen = new Map<string, ProcessEntry>();
  const self = process.pid;

  const sample = () => {
    const table = processTable();
    for (const pid of descendantsOf(table, [rootPid])) {
      const entry = table.find((p) => p.pid === pid);
      if (entry && pid !== self) seen.set(key(entry), entry);
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();

  /** Live processes that are ours to end: seen in the tree (same start time) or carrying the marker, and below them. */
  const targets = (): ProcessEntry[] => {
    const table = processTable();
    const roots = new Set<number>();
    for (const process of table) {
      if (process.pid === self || process.zombie) continue;
      const known = seen.get(key(process));
      if (known || environHas(process.pid, marker)) roots.add(process.pid);
    }
    const all = descendantsOf(table, roots);
    all.delete(self);
    return table.filter((process) => all.has(process.pid) && !process.zombie);
  };

  return {
    sample,
    async killAll(): Promise<number[]> {
      clearInterval(timer);
      const stopped = new Map<string, ProcessEntry>();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const fresh = targets().filter((process) => !stopped.has(key(process)));
        if (fresh.length === 0) break;
        for (const process of fresh) {
          signal(process.pid, "SIGSTOP");
          stopped.set(key(process), process);
          seen.set(key(process), process);
        }
      }
      for (const process of stopped.values()) signal(process.pid, "SIGKILL");
      // SIGKILL is delivered to stopped processes too; wait until none is running (zombies are dead enough).
      const deadline = Date.now() + REAP_WAIT_MS;
      while (Date.now() < deadline) {
        const running = [...stopped.values()].filter((p) => {
          const now = readProcess(p.pid);
          return now !== undefined && now.start === p.start && !now.zombie;
        });
        if (running.length === 0) break;
        await sleep(20);
      }
      return [...stopped.values()].map((process) => process.pid);
    },
  };
}
