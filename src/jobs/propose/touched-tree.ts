// What a cycle changed in the checkout, so the restore puts back all of it: tracked and untracked files
// (Workspace.restore), ignored files the test run created (node_modules/, build output: compared with
// the ignored files there before the first write), and the bot's own writes even where git ignores them.
import type { PlannedFile } from "../../core/types.js";
import type { Workspace } from "../../ports/workspace.js";

export class TouchedTree {
  touched = false;
  private ignoredBefore: string[] | undefined;
  private readonly written = new Map<string, string | undefined>();

  constructor(
    private readonly workspace: Workspace,
    private readonly keep: string[],
  ) {}

  /** Call before anything is written or run in the checkout. */
  async beforeWrite(): Promise<void> {
    if (this.touched) return;
    this.ignoredBefore = await this.workspace.ignoredFiles();
    this.touched = true;
  }

  /** The files an apply step planned (written or not): the first content seen of each is what comes back. */
  wrote(files: readonly PlannedFile[]): void {
    for (const file of files) if (file.mode !== "NOOP" && !this.written.has(file.path)) this.written.set(file.path, file.before);
  }

  restore(): Promise<void> {
    const written = [...this.written].map(([path, before]) => ({ path, before }));
    return this.workspace.restore(this.keep, { ...(this.ignoredBefore ? { ignoredBefore: this.ignoredBefore } : {}), written });
  }
}
