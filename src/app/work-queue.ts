// A bounded work queue: tasks run in order per key (a repository) with at most `maxConcurrentPerKey` of a key
// running at once and `maxConcurrent` overall, and at most `maxQueued` tasks waiting. A task pushed when the
// queue is full is refused at once (the caller answers "busy, try later") instead of waiting in memory.
// Keys take turns, so one busy repository cannot starve the others.

export interface WorkQueueOptions {
  /** Tasks waiting (not running) at most; a push beyond is refused. */
  maxQueued: number;
  /** Tasks of one key waiting at most (default unlimited); a push beyond is refused, so one repository cannot fill the queue. */
  maxQueuedPerKey?: number;
  /** Default 1: one task per key at a time, in the order pushed. */
  maxConcurrentPerKey?: number;
  /** Default unlimited. A function is asked again each time a task could start (see `wake`). */
  maxConcurrent?: number | (() => number);
  /** Called with a task's error; the queue itself never throws or rejects. */
  onError?: (error: unknown, key: string) => void;
}

/**
 * `waiting`: 0 when the task started at once, else the number of tasks now waiting (this one included).
 * `coalesced`: the task joined a waiting one with the same coalesce key: `dropped` (the waiting one stays and
 * this one never runs) or `replaced` (this one takes the waiting one's place; `replacedId` is that one's id).
 */
export type Enqueued =
  | { accepted: true; waiting: number; coalesced?: "dropped" | "replaced"; replacedId?: string }
  | { accepted: false; reason: string };

export interface PushOptions {
  /** The caller's id for this task (a delivery id), returned by close() for tasks that never ran. */
  id?: string;
  /** Waiting tasks of the same key with the same coalesce key become one. */
  coalesce?: string;
  /** `keep-first` (default): a repeat while one waits is dropped. `keep-last`: it replaces the waiting one. */
  keep?: "keep-first" | "keep-last";
}

export interface WorkQueue {
  push(key: string, task: () => Promise<void>, options?: PushOptions): Enqueued;
  /** Refuse new tasks and drop every waiting one; returns the ids of the dropped tasks. Running tasks go on. */
  close(): string[];
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

  type Entry = { task: () => Promise<void>; id?: string; coalesce?: string };
  const perKeyQueued = options.maxQueuedPerKey ?? Number.POSITIVE_INFINITY;
  const waiting = new Map<string, Entry[]>();
  let closed = false;
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
      const { task } = list.shift() as Entry;
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
    push(key, task, pushOptions = {}) {
      if (closed) return { accepted: false, reason: "closing: no new work is taken" };
      const list = waiting.get(key) ?? [];
      if (pushOptions.coalesce !== undefined) {
        const same = list.find((entry) => entry.coalesce === pushOptions.coalesce);
        if (same) {
          if (pushOptions.keep !== "keep-last") return { accepted: true, waiting: queued, coalesced: "dropped" };
          const replacedId = same.id;
          same.task = task;
          same.id = pushOptions.id;
          return { accepted: true, waiting: queued, coalesced: "replaced", ...(replacedId !== undefined ? { replacedId } : {}) };
        }
      }
      const startsNow = running < Math.max(1, overall()) && (active.get(key) ?? 0) < perKey && !waiting.has(key);
      if (!startsNow && queued >= options.maxQueued) {
        return { accepted: false, reason: `busy: ${queued} task${queued === 1 ? " is" : "s are"} already waiting (the limit is ${options.maxQueued}); try again later` };
      }
      if (!startsNow && list.length >= perKeyQueued) {
        return { accepted: false, reason: `busy: ${list.length} tasks of ${key} are already waiting (the limit per repository is ${perKeyQueued}); try again later` };
      }
      list.push({ task, ...(pushOptions.id !== undefined ? { id: pushOptions.id } : {}), ...(pushOptions.coalesce !== undefined ? { coalesce: pushOptions.coalesce } : {}) });
      waiting.set(key, list);
      queued += 1;
      ready.add(key);
      // Start synchronously when a slot is free, so `running` and `queued` are exact when push returns.
      pump();
      return { accepted: true, waiting: startsNow ? 0 : queued };
    },
    close() {
      closed = true;
      const dropped: string[] = [];
      for (const list of waiting.values()) for (const entry of list) if (entry.id !== undefined) dropped.push(entry.id);
      waiting.clear();
      ready.clear();
      queued = 0;
      pump();
      return dropped;
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
