// A bounded work queue: tasks run in order per key (a repository) with at most `maxConcurrentPerKey` of a key
// running at once and `maxConcurrent` overall, and at most `maxQueued` tasks waiting. A task pushed when the
// queue is full is refused at once (the caller answers "busy, try later") instead of waiting in memory.
// Keys take turns, so one busy repository cannot starve the others.

export interface WorkQueueOptions {
  /** Tasks waiting (not running) at most; a push beyond is refused. */
  maxQueued: number;
  /** Default 1: one task per key at a time, in the order pushed. */
  maxConcurrentPerKey?: number;
  /** Default unlimited. A function is asked again each time a task could start (see `wake`). */
  maxConcurrent?: number | (() => number);
  /** Called with a task's error; the queue itself never throws or rejects. */
  onError?: (error: unknown, key: string) => void;
}

/** `waiting`: 0 when the task started at once, else the number of tasks now waiting (this one included). */
export type Enqueued = { accepted: true; waiting: number } | { accepted: false; reason: string };

export interface WorkQueue {
  push(key: string, task: () => Promise<void>): Enqueued;
  /** Resolves when nothing runs and nothing waits. */
  idle(): Promise<void>;
  /** Start what may start now (after a `maxConcurrent` function's answer went up). */
  wake(): void;
  readonly running: number;
  readonly queued: number;
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const perKey = options.maxConcurrentPerKey ?? 1;
  const limit = options.maxConcurrent ?? Number.POSITIVE_INFINITY;
  const overall = typeof limit === "function" ? limit : () => limit;
  for (const [name, value] of [["maxQueued", options.maxQueued], ["maxConcurrentPerKey", perKey]] as const) {
    if (!Number.isInteger(value) || value < (name === "maxQueued" ? 0 : 1)) throw new RangeError(`work queue: ${name} must be a whole number${name === "maxQueued" ? "" : " ≥ 1"}, got ${value}`);
  }
  if (typeof limit === "number" && !(limit >= 1)) throw new RangeError(`work queue: maxConcurrent must be ≥ 1, got ${limit}`);

  const waiting = new Map<string, (() => Promise<void>)[]>();
  const active = new Map<string, number>();
  // Keys with waiting tasks, in turn order (a Set keeps insertion order; re-adding moves nothing).
  const ready = new Set<string>();
  let running = 0;
  let queued = 0;
  let idleWaiters: (() => void)[] = [];

  const pump = () => {
    // A function limit below 1 still lets one task run, so that work never stalls.
    const cap = Math.max(1, overall());
    while (running < cap && ready.size > 0) {
      const key = ready.values().next().value as string;
      ready.delete(key);
      const list = waiting.get(key);
      // A key at its own limit leaves the line; it comes back when one of its tasks ends.
      if (!list || (active.get(key) ?? 0) >= perKey) continue;
      const task = list.shift() as () => Promise<void>;
      if (list.length === 0) waiting.delete(key);
      queued -= 1;
      running += 1;
      active.set(key, (active.get(key) ?? 0) + 1);
      // Back of the line: other keys get a turn before this key's next task.
      if (list.length > 0) ready.add(key);
      void run(key, task);
    }
    if (running === 0 && queued === 0 && idleWaiters.length > 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const run = async (key: string, task: () => Promise<void>) => {
    try {
      await task();
    } catch (error) {
      try {
        options.onError?.(error, key);
      } catch {
        // An error reporter that throws must not wedge the queue.
      }
    } finally {
      running -= 1;
      const left = (active.get(key) ?? 1) - 1;
      if (left === 0) active.delete(key);
      else active.set(key, left);
      if (waiting.has(key)) ready.add(key);
      pump();
    }
  };

  return {
    push(key, task) {
      const startsNow = running < Math.max(1, overall()) && (active.get(key) ?? 0) < perKey && !waiting.has(key);
      if (!startsNow && queued >= options.maxQueued) {
        return { accepted: false, reason: `busy: ${queued} task${queued === 1 ? " is" : "s are"} already waiting (the limit is ${options.maxQueued}); try again later` };
      }
      const list = waiting.get(key) ?? [];
      list.push(task);
      waiting.set(key, list);
      queued += 1;
      ready.add(key);
      // Start synchronously when a slot is free, so `running` and `queued` are exact when push returns.
      pump();
      return { accepted: true, waiting: startsNow ? 0 : queued };
    },
    idle() {
      if (running === 0 && queued === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    wake: pump,
    get running() {
      return running;
    },
    get queued() {
      return queued;
    },
  };
}
