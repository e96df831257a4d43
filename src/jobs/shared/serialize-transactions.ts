// Transactions of one process queued in order before they reach the store: parallel callers (the review's
// files, each reserving and settling on the budget ledger) then wait their turn in memory instead of spinning
// on the directory store's lock file or racing each other's pushes on the state branch.
import type { StateStore } from "../../ports/state.js";

export function serializeTransactions(state: StateStore): StateStore {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    description: state.description,
    read: (path) => state.read(path),
    list: (dir) => state.list(dir),
    transact(fn) {
      const run = tail.then(() => state.transact(fn));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
