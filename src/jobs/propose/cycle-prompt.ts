// Building the propose prompt: the gap, the most relevant repository files within a token budget,
// prior attempts on the gap, and the rules the proposal must follow.
import picomatch from "picomatch";
import { renderPriorAttempts, type CycleEvent } from "../../core/propose/history.js";
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
}

/** Files the model may read: tracked regular files, not protected, not too big. Secrets never reach a prompt. */
export async function candidateFiles(workspace: Workspace, protectedGlobs: string[], maxFileBytes: number) {
  const isProtected = picomatch(protectedGlobs, { dot: true });
  let total = 0;
  const files = await workspace.readTrackedFiles((path, bytes) => {
    if (isProtected(path)) return false;
    total += 1;
    return bytes <= maxFileBytes;
  });
  return { files, total };
}

export async function buildProposePrompt(workspace: Workspace, input: PromptInput): Promise<BuiltPrompt> {
  const { gap, config } = input;
  const candidates = await candidateFiles(workspace, input.protectedGlobs, config.policy.max_file_bytes);
  const selected = selectContext(gap, candidates.files, {
    maxTokens: config.context.max_tokens,
    maxFiles: config.context.max_files,
    maxFileBytes: config.policy.max_file_bytes,
  });
  const files = selected.files
    .map((file) => `--- ${file.path}${file.partial ? " (partial)" : ""}\n${file.content}\n--- end ${file.path}`)
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
  };
}
