// Building the propose prompt: the gap, the most relevant repository files within a token budget,
// prior attempts on the gap, and the rules the proposal must follow.
import picomatch from "picomatch";
import { renderPriorAttempts, type CycleEvent } from "../../core/propose/history.js";
import { detectSecrets, secretPathReason } from "../../core/secrets/detect-secrets.js";
import { selectContext, type ContextFile, type ContextSelection } from "../../core/retrieval/retrieval.js";
import { SYMBOL_INDEX_PATH, SymbolIndex } from "../../core/retrieval/symbol-index.js";
import type { StateStore } from "../../ports/state.js";
import type { Gap } from "../../core/types.js";
import type { Config } from "../../config/schema.js";
import type { ChatMessage } from "../../ports/model.js";
import type { Workspace } from "../../ports/workspace.js";
import { renderTemplate } from "../../prompts/templates.js";
import { buildLocalizeMessages, type Localization } from "./localize.js";

export interface PromptInput {
  gap: Gap;
  config: Config;
  protectedGlobs: string[];
  testCommand: string;
  prior: CycleEvent[];
  /** Where the symbol index is cached between cycles (context/symbol-index.json); none: rebuilt each time. */
  state?: StateStore;
  /** Files to put first (a model's localization), with why. */
  pinned?: { path: string; why: string }[];
  /** context.localize: model: asked once with the file list, map and outlines; its files are pinned. */
  localize?: (messages: ChatMessage[], paths: ReadonlySet<string>) => Promise<Localization>;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** Files put in the prompt, for the record and for debugging. */
  contextFiles: string[];
  /** Files kept out because they hold (or are named like) credentials, with the reason. */
  withheld: { path: string; reason: string }[];
  /** Files shown only in part: the proposal may change them with edits only. */
  partialPaths: string[];
  /** The whole selection (`prd-bot context` prints it). */
  selection: ContextSelection;
  /** What the localization call chose (or why it was not used), when one was made. */
  localization?: Localization;
}

/**
 * Files the model may read: tracked regular UTF-8 files, not protected, not too big, and holding no
 * secret (by name: `*.pem`, `credentials*`…; by content: core/secrets). Secrets never reach a prompt.
 */
export async function candidateFiles(workspace: Workspace, protectedGlobs: string[], maxFileBytes: number) {
  const isProtected = picomatch(protectedGlobs, { dot: true, nocase: true });
  let total = 0;
  const withheld: { path: string; reason: string }[] = [];
  const read = await workspace.readTrackedFiles((path, bytes) => {
    if (isProtected(path)) return false;
    const byName = secretPathReason(path);
    if (byName !== undefined) {
      withheld.push({ path, reason: byName });
      return false;
    }
    total += 1;
    return bytes <= maxFileBytes;
  });
  return { files: read, total, withheld };
}

/** The secret a file's content holds, as a reason, or undefined. */
function secretIn(file: { path: string; content: string }): string | undefined {
  const found = detectSecrets(file.content, { path: file.path })[0];
  return found === undefined ? undefined : `${found.kind} at line ${found.line}`;
}

export async function buildProposePrompt(workspace: Workspace, input: PromptInput): Promise<BuiltPrompt> {
  const { gap, config } = input;
  const candidates = await candidateFiles(workspace, input.protectedGlobs, config.policy.max_file_bytes);
  const index = SymbolIndex.load(input.state ? await input.state.read(SYMBOL_INDEX_PATH) : undefined);
  const limits = {
    maxTokens: config.context.max_tokens,
    maxFiles: config.context.max_files,
    maxFileBytes: config.policy.max_file_bytes,
    mapShare: config.context.map_share,
    index,
    pinned: input.pinned,
  };
  // Only what would be sent is scanned for secrets (all files would cost ~30 ms a MB); a file that holds
  // one is dropped and the selection made again, so the budget goes to the next best file.
  let pool = candidates.files;
  let selected = selectContext(gap, pool, limits);
  let localization: Localization | undefined;
  if (input.localize) {
    const messages = buildLocalizeMessages(gap, pool, selected, {
      prdPath: config.prd.path,
      maxFiles: config.context.max_files,
      // An outline is file text: one of a file holding a secret is never sent.
      mayOutline: (file) => secretIn(file) === undefined,
    });
    localization = await input.localize(messages, new Set(pool.map((file) => file.path)));
    if (localization.ok) {
      limits.pinned = [...localization.files, ...(input.pinned ?? [])];
      selected = selectContext(gap, pool, limits);
    }
  }
  for (;;) {
    const holding = selected.files.flatMap((file) => {
      const source = pool.find((f) => f.path === file.path);
      const reason = source === undefined ? undefined : secretIn(source);
      return reason === undefined ? [] : [{ path: file.path, reason }];
    });
    if (holding.length === 0) break;
    candidates.withheld.push(...holding);
    const dropped = new Set(holding.map((file) => file.path));
    pool = pool.filter((file) => !dropped.has(file.path));
    selected = selectContext(gap, pool, limits);
  }
  if (input.state && index.changed > 0) await saveIndex(input.state, index, candidates.files, await workspace.headSha());
  const files = selected.files.map(renderFile).join("\n\n");
  const system = renderTemplate("propose-system", {
    max_files: config.policy.max_files,
    max_changed_lines: config.policy.max_changed_lines,
    test_rule: config.policy.require_test
      ? "- Include at least one test file (new or changed) that proves the change."
      : "- Add or update a test when the change can be tested.",
    protected: input.protectedGlobs.join(", "),
  });
  const prior = renderPriorAttempts(input.prior);
  const user = renderTemplate("propose-user", {
    gap_id: gap.id,
    prd_path: config.prd.path,
    gap_line: gap.line,
    gap_section: gap.section.length > 0 ? gap.section.join(" > ") : "(top level)",
    gap_text: gap.text,
    gap_context: gap.context,
    test_command: input.testCommand,
    prior_attempts: prior ? `\n${prior}\n` : "",
    file_count: selected.files.length,
    repo_file_count: candidates.total,
    files: files || "(no files selected)",
    repo_map: selected.map.text ? `\nRepository map (what else exists):\n${selected.map.text}\n` : "",
  });
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    contextFiles: selected.files.map((file) => file.path),
    withheld: candidates.withheld,
    partialPaths: selected.files.filter((file) => file.partial).map((file) => file.path),
    selection: selected,
    ...(localization ? { localization } : {}),
  };
}

/** A file as the prompt shows it; a partial one says so and which lines it holds. */
export function renderFile(file: ContextFile): string {
  if (!file.partial) return `--- ${file.path}\n${file.content}\n--- end ${file.path}`;
  const ranges = (file.ranges ?? []).map((range) => `${range.start}-${range.end}`).join(", ");
  return `--- ${file.path} (partial: outline and lines ${ranges} of ${file.lines}; change it with edits only)\n${file.content}\n--- end ${file.path}`;
}

/** The index, pruned to this tree's files, saved for the next cycle; a failed save only costs time later. */
async function saveIndex(state: StateStore, index: SymbolIndex, files: readonly { path: string; content: string; blob?: string }[], commit: string): Promise<void> {
  const text = index.save(files, commit);
  try {
    await state.transact(async (tx) => {
      tx.write(SYMBOL_INDEX_PATH, text);
    });
  } catch {
    // The cache is an optimisation: a cycle never fails because it could not be written.
  }
}
