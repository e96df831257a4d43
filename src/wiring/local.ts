// Wiring for a local checkout (the CLI): config, workspace, state directory, test command and model,
// built from flags and environment. Decisions stay in the jobs; this only assembles their ports.
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readFile, realpath } from "node:fs/promises";
import { ConfigError } from "../config/config-error.js";
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
  /** Whether the config file exists (false: the defaults are used). */
  configFound: boolean;
  workspace: Workspace;
  state: StateStore;
  stateDir: string;
  /** The state directory relative to the root when it lies inside the checkout (never dirty, never cleaned). */
  ownPaths: string[];
  testCommand: string | undefined;
}

export async function openLocal(options: { root: string; config?: string; stateDir?: string; testCommand?: string; env?: Record<string, string | undefined> }): Promise<LocalSetup> {
  const workspace = await openGitWorkspace(options.root);
  const root = workspace.root;
  const { config, file, found } = await loadConfig(root, options.config);
  const gitDir = await workspace.gitDir();
  const fromEnv = options.env?.PRD_BOT_STATE_DIR?.trim() || undefined;
  // A flag or the environment is the operator's choice; the repository's own config is not trusted to
  // send writes anywhere but its checkout or git dir.
  const stateDir = options.stateDir
    ? resolve(options.stateDir)
    : fromEnv
      ? resolve(fromEnv)
      : config.state.dir
        ? await confinedStateDir(root, gitDir, config.state.dir, file)
        : join(gitDir, "prd-bot");
  const inside = relative(root, stateDir);
  const ownPaths = inside && !inside.startsWith("..") && !isAbsolute(inside) ? [inside.split(sep).join("/")] : [];
  const testCommand = options.testCommand ?? config.test.command ?? (await detectWorkspaceTestCommand(workspace));
  return { root, config, configFile: file, configFound: found, workspace, state: createDirectoryStore(stateDir), stateDir, ownPaths, testCommand };
}

/** `state.dir` from the repository's config, resolved against the root; outside the checkout and git dir it is refused. */
async function confinedStateDir(root: string, gitDir: string, dir: string, file: string): Promise<string> {
  const wanted = resolve(root, dir);
  // Symlinks count: the deepest folder that exists is resolved, so "records -> /tmp/x" is outside too.
  const real = await realpathOfExisting(wanted);
  const within = (base: string) => real === base || real.startsWith(`${base}${sep}`);
  if (!within(root) && !within(gitDir)) {
    throw new ConfigError(file, [
      {
        path: "state.dir",
        message: `${JSON.stringify(dir)} resolves to ${real}, outside the checkout and its git directory`,
        hint: "from the repository's config, state.dir must stay inside the checkout or the git dir; to keep records elsewhere pass --state-dir or set PRD_BOT_STATE_DIR",
      },
    ]);
  }
  return wanted;
}

async function realpathOfExisting(target: string): Promise<string> {
  let tail = "";
  for (let current = target; ; current = dirname(current)) {
    const real = await realpath(current).catch(() => undefined);
    if (real !== undefined) return tail === "" ? real : join(real, tail);
    if (dirname(current) === current) return target;
    tail = tail === "" ? basename(current) : join(basename(current), tail);
  }
}

/** The model chain from config and environment, or a replayed transcript. */
export async function modelFor(
  config: Config,
  env: Record<string, string | undefined>,
  replay: { source: string; state: StateStore; stateDir: string } | undefined,
  configFile?: { file: string; found: boolean },
): Promise<ModelClient> {
  if (replay) return createReplayModelClient(await readReplaySource(replay.source, replay.state, replay.stateDir));
  const where = configFile ? { file: configFile.file, fileFound: configFile.found, override: "--model (not given)" } : {};
  return createOpenAIModelClient(resolveModelChain(config, env, where), { maxAnswerBytes: config.models.max_answer_bytes });
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

/** The chain for context.localize: model when models.localize lists its own; undefined: the proposal chain is used. */
export function localizeModelFor(config: Config, env: Record<string, string | undefined>, file?: string): ModelClient | undefined {
  if (config.context.localize !== "model" || config.models.localize.length === 0) return undefined;
  return createOpenAIModelClient(resolveModelChain(config, env, { task: "localize", ...(file ? { file } : {}) }), { maxAnswerBytes: config.models.max_answer_bytes });
}
