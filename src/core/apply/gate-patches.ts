// The named gates every patch passes before it is written, in order: `protected` (the path), `confidence`,
// `noop`, `size`, `count`, `match` (through the one matcher, core/edits/match-snippet.ts, against the text
// as patched so far). The log, the audit line and the report all use these names.
import { replaceSnippet } from "../edits/match-snippet.js";
import type { Patch } from "./patch-answer.js";

export const GATES = ["confidence", "match", "size", "count", "protected", "noop"] as const;
export type Gate = (typeof GATES)[number];

export interface GateRules {
  minConfidence: number;
  maxPatches: number;
  maxLines: number;
  /** Why the path may not be patched (protected or denied), or undefined. */
  pathRefusal?: string;
}

export interface AppliedPatch extends Patch {
  /** Matched ignoring whitespace differences (re-indented to the file, its line endings). */
  tolerant: boolean;
}

export interface RejectedPatch {
  gate: Gate;
  reason: string;
  patch: Patch;
}

export interface GateResult {
  text: string;
  applied: AppliedPatch[];
  rejected: RejectedPatch[];
}

export function gatePatches(text: string, patches: readonly Patch[], rules: GateRules): GateResult {
  const applied: AppliedPatch[] = [];
  const rejected: RejectedPatch[] = [];
  let current = text;
  for (const patch of patches) {
    const reject = (gate: Gate, reason: string) => rejected.push({ gate, reason, patch });
    if (rules.pathRefusal) {
      reject("protected", rules.pathRefusal);
      continue;
    }
    if (patch.confidence < rules.minConfidence) {
      reject("confidence", `confidence ${patch.confidence} < ${rules.minConfidence} (apply.min_confidence)`);
      continue;
    }
    if (patch.old_string === patch.new_string) {
      reject("noop", "old_string equals new_string");
      continue;
    }
    const lines = Math.max(lineCount(patch.old_string), lineCount(patch.new_string));
    if (lines > rules.maxLines) {
      reject("size", `${lines} lines on one side, at most ${rules.maxLines} (apply.max_patch_lines)`);
      continue;
    }
    if (applied.length >= rules.maxPatches) {
      reject("count", `already ${applied.length} patches for this file, at most ${rules.maxPatches} (apply.max_patches)`);
      continue;
    }
    const replaced = replaceSnippet(current, patch.old_string, patch.new_string);
    if (!replaced.ok) {
      reject("match", replaced.code === "ambiguous" ? `old_string matches ${replaced.count} places; it must match exactly once` : replaced.reason);
      continue;
    }
    if (replaced.text === current) {
      reject("noop", "the patch changes nothing in the file");
      continue;
    }
    current = replaced.text;
    applied.push({ ...patch, tolerant: replaced.tolerant });
  }
  return { text: current, applied, rejected };
}

/** Lines a snippet spans; a final line ending does not open another line. */
function lineCount(text: string): number {
  if (text === "") return 0;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.at(-1) === "" ? lines.length - 1 : lines.length;
}
