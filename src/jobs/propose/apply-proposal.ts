// Guardrails, policy and the ADD / UPDATE / NOOP apply step, shared by the propose cycle and
// `prd-bot apply-edits`. Nothing is read or written before every path has passed the guardrails.
import { planFiles } from "../../core/edits/edits.js";
import { checkPath } from "../../core/propose/guardrails.js";
import { checkProposal } from "../../core/propose/policy.js";
import type { PlannedFile, Proposal } from "../../core/types.js";
import type { Config } from "../../config/schema.js";
import { NotTextError, type Workspace } from "../../ports/workspace.js";

export interface ApplyRules {
  policy: Config["policy"];
  protectedGlobs: string[];
  prdPath: string;
  /** Files the model saw only in part (outline + regions): whole content for them is refused, edits only. */
  partialPaths?: readonly string[];
}

export type ApplyResult =
  | { ok: true; files: PlannedFile[] }
  | { ok: false; outcome: "proposal_rejected" | "apply_failed"; reason: string; files: PlannedFile[] };

/** Check and plan a proposal against the working tree; with `write`, write the non-NOOP files. */
export async function applyProposal(workspace: Workspace, proposal: Proposal, rules: ApplyRules, write: boolean): Promise<ApplyResult> {
  const guard = { protectedGlobs: rules.protectedGlobs, prdPath: rules.prdPath };
  const current = new Map<string, string | undefined>();
  for (const file of proposal.files) {
    const pathCheck = checkPath(file.path, guard);
    if (!pathCheck.ok) return { ok: false, outcome: "proposal_rejected", reason: pathCheck.reason, files: [] };
    if ("content" in file && !file.is_new && rules.partialPaths?.includes(file.path.replace(/^\.\//, ""))) {
      const reason = `${file.path}: the prompt showed this file only in part, so a whole-content rewrite would drop what was not shown; change it with edits`;
      return { ok: false, outcome: "proposal_rejected", reason, files: [] };
    }
    const inside = await workspace.resolveInside(file.path);
    if (!inside.ok) return { ok: false, outcome: "proposal_rejected", reason: `${file.path}: ${inside.reason}`, files: [] };
  }
  // Ignored paths (node_modules/, build output) are never written: a change there would not be in the
  // PR and would stay in the checkout, inside the dependencies every later run executes.
  const ignored = await workspace.ignoredPaths(proposal.files.map((file) => file.path));
  if (ignored.length > 0) {
    return { ok: false, outcome: "proposal_rejected", reason: `${ignored.join(", ")}: git ignores ${ignored.length === 1 ? "this path" : "these paths"} (.gitignore); the bot never writes ignored files`, files: [] };
  }
  for (const file of proposal.files) {
    try {
      current.set(file.path, await workspace.readFile(file.path));
    } catch (error) {
      const outcome = error instanceof NotTextError ? "proposal_rejected" : "apply_failed";
      return { ok: false, outcome, reason: error instanceof NotTextError ? error.message : `${file.path}: ${(error as Error).message}`, files: [] };
    }
  }
  const plan = planFiles(proposal, current);
  if (!plan.ok) return { ok: false, outcome: "apply_failed", reason: plan.reason, files: [] };
  keepByteOrderMarks(plan.files);
  // A proposal that changes nothing is a cycle_noop, not a policy question (the reference bot's order).
  if (plan.files.every((file) => file.mode === "NOOP")) return { ok: true, files: plan.files };
  const verdict = checkProposal(proposal, plan.files, rules.policy, { ...guard, maxFileBytes: rules.policy.max_file_bytes });
  if (!verdict.ok) return { ok: false, outcome: "proposal_rejected", reason: verdict.reason, files: plan.files };
  if (write) {
    for (const file of plan.files) {
      if (file.mode === "NOOP") continue;
      try {
        await workspace.writeFile(file.path, file.after);
      } catch (error) {
        return { ok: false, outcome: "apply_failed", reason: `${file.path}: ${(error as Error).message}`, files: plan.files };
      }
    }
  }
  return { ok: true, files: plan.files };
}

// A file that starts with a byte-order mark keeps it when a model rewrites the whole file without one.
function keepByteOrderMarks(files: PlannedFile[]): void {
  for (const file of files) {
    if (file.mode === "UPDATE" && file.before?.startsWith("\uFEFF") && !file.after.startsWith("\uFEFF")) file.after = `\uFEFF${file.after}`;
  }
}
