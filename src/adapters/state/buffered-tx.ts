// One run of a transaction's `fn`: reads come from the fetched tip plus this run's own writes;
// writes are buffered until the store commits them. A retry gets a fresh BufferedTx, so appends
// land on whatever the new tip holds.
import type { StateTx } from "../../ports/state.js";
import { checkStatePath } from "./state-path.js";

interface Change {
  /** Whole content set by write(), or undefined when appends go onto the tip's content. */
  replaced: string | undefined;
  appended: string[];
}

export class BufferedTx implements StateTx {
  private readonly changes = new Map<string, Change>();
  private readonly baseReads = new Map<string, Promise<string | undefined>>();
  private closed = false;

  constructor(private readonly readBase: (path: string) => Promise<string | undefined>) {}

  async read(path: string): Promise<string | undefined> {
    checkStatePath(path);
    const change = this.changes.get(path);
    if (change === undefined) return this.base(path);
    const base = change.replaced ?? (await this.base(path));
    return change.appended.length === 0 ? base : joinLines(base, change.appended);
  }

  write(path: string, content: string): void {
    this.checkOpen("write", path);
    checkStatePath(path);
    if (typeof content !== "string") throw new TypeError(`State write to ${path}: content must be a string (serialize it with JSON.stringify first), got ${typeof content}`);
    this.changes.set(path, { replaced: content, appended: [] });
  }

  append(path: string, line: string): void {
    this.checkOpen("append", path);
    checkStatePath(path);
    if (typeof line !== "string") throw new TypeError(`State append to ${path}: the line must be a string, got ${typeof line}`);
    // A line break inside would split one record into two broken JSON Lines entries.
    if (/[\r\n]/.test(line)) throw new Error(`State append to ${path}: the line contains a line break; append one JSON value per call (JSON.stringify never emits raw newlines)`);
    const change = this.changes.get(path) ?? { replaced: undefined, appended: [] };
    change.appended.push(line);
    this.changes.set(path, change);
  }

  /** No more writes: a write after `fn` returned would silently be lost otherwise. */
  close(): void {
    this.closed = true;
  }

  /** Final content of every changed path. */
  async changedFiles(): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    for (const [path, change] of this.changes) {
      const base = change.replaced ?? (await this.base(path));
      files.set(path, change.appended.length === 0 ? (base ?? "") : joinLines(base, change.appended));
    }
    return files;
  }

  private base(path: string): Promise<string | undefined> {
    let pending = this.baseReads.get(path);
    if (pending === undefined) {
      pending = this.readBase(path);
      this.baseReads.set(path, pending);
    }
    return pending;
  }

  private checkOpen(operation: string, path: string): void {
    if (this.closed) throw new Error(`State ${operation} to ${path} after the transaction finished; do every write inside the transact callback and await it`);
  }
}

function joinLines(base: string | undefined, lines: string[]): string {
  const head = base === undefined || base === "" || base.endsWith("\n") ? (base ?? "") : `${base}\n`;
  return head + lines.map((line) => `${line}\n`).join("");
}
