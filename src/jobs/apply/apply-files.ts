// The apply loop over eligible reviewed files, one file at a time: ask for patches, gate them, write, run the
// check command; green → commit that file alone (or, dry run, note it and restore), red → restore the file
// exactly (HEAD's bytes and mode: the tree was clean) and log build_red_reverted with the output's tail. In
// "suggest" mode (fork PRs) nothing is written or run: the gated patches come back to be posted as
// suggestions. Every action appends one auto_apply.jsonl line.
import { applyLine, AUTO_APPLY_PATH, commitMessage, type FileOutcome } from "../../core/apply/apply-record.js";
import { pathRefusal } from "../../core/apply/eligible-files.js";
import { gatePatches } from "../../core/apply/gate-patches.js";
import { parsePatchAnswer, patchAnswerJsonSchema, type Patch } from "../../core/apply/patch-answer.js";
import type { ReviewRecord } from "../../core/review/review-record.js";
import type { Config } from "../../config/schema.js";
import type { ModelClient } from "../../ports/model.js";
import type { StateStore } from "../../ports/state.js";
import type { Workspace } from "../../ports/workspace.js";
import type { Logger } from "../logger.js";
import { askStructured } from "../shared/ask-structured.js";
import { buildPatchPrompt } from "./patch-prompt.js";

export type ApplyMode = "commit" | "dry_run" | "suggest";

export interface ApplyFilesDeps {
  config: Config;
  /** Budgeted already (or free: a replay). */
  model: ModelClient;
  state: StateStore;
  log: Logger;
  now: () => Date;
  /** Reads a file at the reviewed head. */
  read: (path: string) => Promise<string | undefined>;
  /** The checkout at head (not needed in "suggest" mode). */
  workspace?: Workspace;
  checkCommand?: string;
  protectedGlobs: string[];
  /** Paths of the bot's own records inside the checkout, left alone by restores. */
  ownPaths?: string[];
}

export interface ApplyFilesInput {
  records: ReviewRecord[];
  headSha: string;
  pr?: number;
  mode: ApplyMode;
}

export async function applyFiles(deps: ApplyFilesDeps, input: ApplyFilesInput): Promise<(FileOutcome & { original?: string; patched?: string })[]> {
  const outcomes: (FileOutcome & { original?: string; patched?: string })[] = [];
  for (const record of input.records) {
    const outcome = await applyOne(deps, input, record);
    outcomes.push(outcome);
    deps.log.info(`apply ${record.path}: ${outcome.action}: ${outcome.reason}`);
    const line = applyLine(outcome, {
      at: deps.now(),
      headSha: input.headSha,
      pr: input.pr,
      review: { at: record.at, confidence_avg: record.confidence_avg, confidence_min: record.confidence_min, tier: record.tier, model: record.model },
    });
    await deps.state.transact(async (tx) => tx.append(AUTO_APPLY_PATH, JSON.stringify(line)));
  }
  return outcomes;
}

async function applyOne(deps: ApplyFilesDeps, input: ApplyFilesInput, record: ReviewRecord): Promise<FileOutcome & { original?: string; patched?: string }> {
  const { config } = deps;
  const base = { path: record.path, applied: [], rejected: [], commit: null, model: null, tokens: { prompt: 0, completion: 0 } };
  const source = await deps.read(record.path);
  if (source === undefined) return { ...base, action: "no_patches", reason: "the file does not exist at the reviewed head" };
  if (source.includes("\uFFFD") || source.includes("\0")) return { ...base, action: "no_patches", reason: "the file is not UTF-8 text" };

  const prompt = buildPatchPrompt(record, source, config);
  const asked = await askStructured<Patch[]>(deps.model, prompt.messages, {
    purpose: "apply_patch",
    maxTokens: Math.min(config.models.max_output_tokens, 2500),
    temperature: 0.1,
    jsonSchema: { name: "patches", schema: patchAnswerJsonSchema },
    parse: (text) => {
      const parsed = parsePatchAnswer(text);
      return parsed.ok ? { ok: true, value: parsed.patches } : parsed;
    },
  });
  const tokens = asked.usage;
  const model = asked.model;
  if (!asked.ok) return { ...base, tokens, model, action: "no_patches", reason: `no usable answer (${asked.kind}): ${asked.reason}` };
  if (asked.value.length === 0) return { ...base, tokens, model, action: "no_patches", reason: "the model offered no patch" };

  const refusal = pathRefusal({ deny: config.apply.deny, protectedGlobs: deps.protectedGlobs })(record.path);
  const gated = gatePatches(source, asked.value, {
    minConfidence: config.apply.min_confidence,
    maxPatches: config.apply.max_patches,
    maxLines: config.apply.max_patch_lines,
    pathRefusal: refusal,
  });
  const common = { ...base, tokens, model, applied: gated.applied, rejected: gated.rejected, ...(prompt.partial ? { partial: true } : {}) };
  if (gated.applied.length === 0) {
    return { ...common, action: "all_rejected", reason: gated.rejected.map((entry) => `${entry.gate}: ${entry.reason}`).join("; ") };
  }
  if (input.mode === "suggest") {
    return { ...common, action: "suggested", reason: `${gated.applied.length} patch(es) as suggestions; nothing was run`, original: source, patched: gated.text };
  }

  const workspace = deps.workspace;
  const command = deps.checkCommand;
  if (!workspace || !command) return { ...common, action: "no_patches", reason: "no check command: set apply.check_command or test.command" };
  try {
    await workspace.writeFile(record.path, gated.text);
    const run = await deps.log.group(`check: ${command}`, () => workspace.run(command, { timeoutMs: config.test.timeout_seconds * 1000 }));
    const check = { command, exit_code: run.exit_code, timed_out: run.timed_out, output_tail: run.output_tail, duration_ms: run.duration_ms };
    if (!run.passed) {
      const how = run.timed_out ? `timed out after ${config.test.timeout_seconds} s` : `exited ${run.exit_code}`;
      return { ...common, check, action: "build_red_reverted", reason: `${command} ${how}; the file was restored` };
    }
    if (input.mode === "dry_run") return { ...common, check, action: "dry_run_committed", reason: `${command} passed; dry run, nothing committed` };
    const commit = await workspace.commitOnHead([record.path], commitMessage(record.path, gated.applied, { pr: input.pr, headSha: input.headSha }));
    return { ...common, check, commit, action: "committed", reason: `${command} passed; committed ${commit.slice(0, 12)}` };
  } finally {
    // Back to HEAD (the new commit after a green file): reverted bytes and mode, check leftovers gone.
    await workspace.restore(deps.ownPaths ?? []);
  }
}
