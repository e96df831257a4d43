// Wiring for a local checkout (the CLI): config, workspace, state directory, test command and model,
// built from flags and environment. Decisions stay in the jobs; this only assembles their ports.
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { readFile } from "node:fs/promises";
import { loadConfig } from "../config/load-config.js";
import { resolveModelChain } from "../config/resolve-models.js";
import type { Config } from "../config/schema.js";
import { createOpenAIModelClient } from "../adapters/model/openai-compatible.js";
import { createReplayModelClient, loadTranscript } from "../adapters/model/replay.js";
import { createDirectoryStore } from "../adapters/state/directory-store.js";
import { openGitWorkspace } from "../adapters/workspace/git-workspace.js";
import type { ModelClient } from "../ports/model.js";
import type { StateStore } from "../ports/state.js";
import type { Workspace } from "../ports/workspace.js";
import { detectWorkspaceTestCommand } from "./workspace-test-command.js";

export interface LocalSetup {
  root: string;
  config: Config;
  configFile: string;
  workspace: Workspace;
  state: StateStore;
  stateDir: string;
  /** The state directory relative to the root when it lies inside the checkout (never dirty, never cleaned). */
  ownPaths: string[];
  testCommand: string | undefined;
}

export async function openLocal(options: { root: string; config?: string; stateDir?: string; testCommand?: string }): Promise<LocalSetup> {
  const workspace = await openGitWorkspace(options.root);
  const root = workspace.root;
  const { config, file } = await loadConfig(root, options.config);
  const stateDir = options.stateDir
    ? resolve(options.stateDir)
    : config.state.dir
      ? resolve(root, config.state.dir)
      : join(await workspace.gitDir(), "prd-bot");
  const inside = relative(root, stateDir);
  const ownPaths = inside && !inside.startsWith("..") && !isAbsolute(inside) ? [inside.split(sep).join("/")] : [];
  const testCommand = options.testCommand ?? config.test.command ?? (await detectWorkspaceTestCommand(workspace));
  return { root, config, configFile: file, workspace, state: createDirectoryStore(stateDir), stateDir, ownPaths, testCommand };
}


/** The model chain from config and environment, or a replayed transcript. */
export async function modelFor(config: Config, env: Record<string, string | undefined>, replay: { source: string; state: StateStore; stateDir: string } | undefined): Promise<ModelClient> {
  if (replay) return createReplayModelClient(await readReplaySource(replay.source, replay.state, replay.stateDir));
  return createOpenAIModelClient(resolveModelChain(config, env), { maxAnswerBytes: config.models.max_answer_bytes });
}

/**
 * `--replay` takes a transcript file, a cycle record file (its transcript is found beside it in the same
 * state layout) or a cycle id from this checkout's records.
 */
async function readReplaySource(source: string, state: StateStore, stateDir: string) {
  const fromFile = await readFile(source, "utf8").catch(() => undefined);
  if (fromFile === undefined) {
    const record = await state.read(`cycles/${source}.json`);
    if (!record) throw new Error(`--replay ${source}: no such file, and no cycle ${source} in ${state.description}`);
    return transcriptOfRecord(record, `cycle ${source}`, (path) => state.read(path));
  }
  const parsed = JSON.parse(fromFile) as { exchanges?: unknown; transcript?: unknown };
  if (parsed.exchanges !== undefined) return loadTranscript(fromFile, source);
  const recordDir = resolve(source, "..", "..");
  return transcriptOfRecord(fromFile, source, async (path) => {
    const besideRecord = await readFile(join(recordDir, path), "utf8").catch(() => undefined);
    return besideRecord ?? (await readFile(join(stateDir, path), "utf8").catch(() => undefined));
  });
}

async function transcriptOfRecord(recordText: string, source: string, read: (path: string) => Promise<string | undefined>) {
  const record = JSON.parse(recordText) as { transcript?: string | null; outcome?: string };
  if (!record.transcript) throw new Error(`${source}: this cycle (${record.outcome ?? "?"}) made no model call, so there is nothing to replay`);
  const text = await read(record.transcript);
  if (text === undefined) throw new Error(`${source}: its transcript ${record.transcript} was not found next to it`);
  return loadTranscript(text, record.transcript);
}
