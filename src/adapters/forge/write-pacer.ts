// A stand-in for plugin-throttling's `write` and `notifications` Bottleneck groups: the plugin only calls
// `group.key(id).schedule(options, fn)` before each write, so this keeps writes `intervalMs` apart per key
// without a Bottleneck instance (not a dependency of ours). Used when a caller sets `writeIntervalMs`:
// Gitea has no secondary rate limits to pace for, and tests must not wait GitHub's 1 s / 3 s between writes.

type Job = (...args: unknown[]) => unknown;

export interface WritePacer {
  key(id: string): { schedule(options: unknown, fn: Job, ...args: unknown[]): Promise<unknown> };
}

export function createWritePacer(intervalMs: number): WritePacer {
  const keys = new Map<string, ReturnType<WritePacer["key"]>>();
  return {
    key(id) {
      let limiter = keys.get(id);
      if (!limiter) {
        let last = Number.NEGATIVE_INFINITY;
        let queue: Promise<unknown> = Promise.resolve();
        limiter = {
          schedule(_options, fn, ...args) {
            const turn = queue.then(async () => {
              const wait = last + intervalMs - Date.now();
              if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
              last = Date.now();
            });
            queue = turn;
            return turn.then(() => fn(...args));
          },
        };
        keys.set(id, limiter);
      }
      return limiter;
    },
  };
}
