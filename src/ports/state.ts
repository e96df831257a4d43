// StateStore: the durable records of one repository (cycle records, budget ledger, logs, events).
// Layout (see docs/architecture.md):
//   cycles/<cycle-id>.json, transcripts/<cycle-id>.json, budget/<YYYY-MM-DD>.json,
//   reviews.jsonl, auto_apply.jsonl, events.jsonl
// Adapters: a local directory (default: .git/prd-bot/) and an orphan git branch (prd-bot/state).

export interface StateTx {
  /** Content as of this transaction (including its own earlier writes), or undefined. */
  read(path: string): Promise<string | undefined>;
  write(path: string, content: string): void;
  /** Append one line (a trailing newline is added) to a .jsonl file. */
  append(path: string, line: string): void;
}

export interface StateStore {
  read(path: string): Promise<string | undefined>;
  /** Paths of the files directly under `dir` (e.g. "cycles"), as "cycles/<name>", sorted. */
  list(dir: string): Promise<string[]>;
  /**
   * Run `fn` and commit its writes atomically. When another writer got there first the
   * adapter re-reads and runs `fn` again, so `fn` must only derive its writes from `tx.read`.
   * Returns what the last run of `fn` returned.
   */
  transact<T>(fn: (tx: StateTx) => Promise<T>): Promise<T>;
  /** Where the records live, for messages ("directory /repo/.git/prd-bot"). */
  readonly description: string;
}

/** Write conflicts kept happening past the retry limit. */
export class StateConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateConflictError";
  }
}
