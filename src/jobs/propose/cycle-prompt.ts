// Building the propose prompt: the gap, the most relevant repository files within a token budget,
// prior attempts on the gap, and the rules the proposal must follow.
import picomatch from "picomatch";
import { renderPriorAttempts, type CycleEvent } from "../../core/propose/history.js";
import { detectSecrets, secretPathReason } from "../../core/secrets/detect-secrets.js";
import { selectContext } from "../../core/retrieval/retrieval.js";
import type { Gap } from "../../core/types.js";
import type { Config } from "../../config/schema.js";
import type { ChatMessage } from "../../ports/model.js";
import type { Workspace } from "../../ports/workspace.js";
import { renderTemplate } from "../../prompts/templates.js";

export interface PromptInput {
  gap: Gap;
  config: Config;
  protectedGlobs: string[];
  testCommand: string;
  prior: CycleEvent[];
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  /** Files put in the prompt, for the record and for debugging. */
  contextFiles: string[];
  /** Files kept out because they hold (or are named like) credentials, with the reason. */
  withheld: { path: string; reason: string }[];
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
  const limits = { maxTokens: config.context.max_tokens, maxFiles: config.context.max_files, maxFileBytes: config.policy.max_file_bytes };
  // Only what would be sent is scanned for secrets (all files would cost ~30 ms a MB); a file that holds
  // one is dropped and the selection made again, so the budget goes to the next best file.
  let pool = candidates.files;
  let selected = selectContext(gap, pool, limits);
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
  const files = selected.files
    .map((file) => `--- ${file.path}${file.truncated ? " (truncated)" : ""}\n${file.content}\n--- end ${file.path}`)
    .join("\n\n");
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
  });
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    contextFiles: selected.files.map((file) => file.path),
    withheld: candidates.withheld,
  };
}
