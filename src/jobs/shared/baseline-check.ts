// The check on the untouched checkout, before any model call: a suite that is already red (missing plugins,
// a broken main) must not be blamed on the model, nor cost a model call and minutes. The result is cached in
// the state store per tree and check settings, so an unchanged tree is tested once.
import { createHash } from "node:crypto";
import type { TestRun } from "../../core/types.js";
import type { StateStore } from "../../ports/state.js";
import type { Workspace } from "../../ports/workspace.js";
import { runCheck, type RunCheckOptions } from "./run-check.js";

export type Baseline =
  | { ok: true; run: TestRun | null; cached: boolean }
  | { ok: false; reason: string; run: TestRun; cached: boolean };

interface CachedBaseline {
  v: 1;
  tree: string;
  command: string;
  at: string;
  passed: boolean;
  exit_code: number | null;
  timed_out: boolean;
  git_changes?: string[];
  output_tail: string;
}

const CACHED_TAIL = 4_000;

export function baselinePath(tree: string, options: RunCheckOptions): string {
  const { test } = options;
  const settings = JSON.stringify([options.command, test.sandbox, test.network, [...test.env].sort()]);
  return `baselines/${tree}-${createHash("sha256").update(settings).digest("hex").slice(0, 12)}.json`;
}

export async function baselineCheck(
  workspace: Workspace,
  state: StateStore,
  options: RunCheckOptions & { now: () => Date },
): Promise<Baseline> {
  const tree = await workspace.headTree();
  const sha = await workspace.headSha();
  const file = baselinePath(tree, options);
  const cached = parseCached(await state.read(file).catch(() => undefined), tree, options.command);
  if (cached) return judge(cached, sha, true, file);

  const run = await runCheck(workspace, options);
  const record: CachedBaseline = {
    v: 1,
    tree,
    command: options.command,
    at: options.now().toISOString(),
    passed: run.passed,
    exit_code: run.exit_code,
    timed_out: run.timed_out,
    ...(run.gitChanges ? { git_changes: run.gitChanges } : {}),
    output_tail: run.output_tail.slice(-CACHED_TAIL),
  };
  // A refused sandbox is the machine's state, not the tree's: never cached.
  if (!run.sandboxNote?.startsWith("bubblewrap required")) {
    await state.transact(async (tx) => tx.write(file, `${JSON.stringify(record, null, 2)}\n`));
  }
  return judge({ ...record, run }, sha, false, file);
}

function judge(cached: CachedBaseline & { run?: TestRun }, sha: string, fromCache: boolean, file: string): Baseline {
  const run: TestRun = cached.run ?? {
    command: cached.command,
    exit_code: cached.exit_code,
    timed_out: cached.timed_out,
    duration_ms: 0,
    output_tail: cached.output_tail,
    passed: cached.passed,
    ...(cached.git_changes ? { gitChanges: cached.git_changes } : {}),
  };
  if (cached.passed) return { ok: true, run: fromCache ? null : run, cached: fromCache };
  const how = cached.git_changes?.length
    ? `they change the git directory (${cached.git_changes.join(", ")})`
    : cached.timed_out
      ? "timed out"
      : `exited ${cached.exit_code ?? "without a code"}`;
  const last = lastLine(cached.output_tail);
  const when = fromCache ? ` (cached ${cached.at}; delete ${file} in the state store to run it again)` : "";
  return {
    ok: false,
    cached: fromCache,
    run,
    reason: `tests fail before any change at ${sha.slice(0, 12)}: ${cached.command} ${how}${last ? `: ${last}` : ""}${when}. Fix the suite on the default branch, or set test.command`,
  };
}

function lastLine(output: string): string {
  const lines = output.split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const line = lines.at(-1) ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function parseCached(text: string | undefined, tree: string, command: string): CachedBaseline | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<CachedBaseline>;
    if (value.v !== 1 || value.tree !== tree || value.command !== command || typeof value.passed !== "boolean") return undefined;
    return value as CachedBaseline;
  } catch {
    return undefined;
  }
}
