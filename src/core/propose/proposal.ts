// The model's answer: one zod schema is both the validator and the JSON Schema the model is shown, and
// parseProposal turns whatever came back into a Proposal or one short error worth quoting in a repair request.
import { z } from "zod";
import { extractJsonObjects, type ExtractedObject } from "../extract-json.js";
import type { Proposal } from "../types.js";

// No minLength/pattern keywords: OpenAI's strict structured outputs reject some of them, so rules the JSON
// Schema cannot carry are refinements (invisible in the generated schema) or guardrails (empty paths).
const nonEmpty = (text: string): boolean => text.trim() !== "";

const path = z.string().describe("File path relative to the repository root, with forward slashes (src/foo.ts).");

const editSchema = z
  .object({
    old_string: z.string().describe("Exact text of the current file to replace; it must occur exactly once."),
    new_string: z.string().describe("The replacement text."),
  })
  .strict();

const contentFileSchema = z
  .object({
    path,
    is_new: z.boolean().describe("true to create a file that does not exist yet; false to replace an existing file."),
    content: z.string().describe("The whole content of the file after the change."),
  })
  .strict();

const editsFileSchema = z
  .object({
    path,
    is_new: z.literal(false).describe("Edits apply to existing files only."),
    edits: z.array(editSchema).min(1).describe("Search/replace edits applied in order."),
  })
  .strict();

export const proposalSchema = z
  .object({
    summary: z.string().refine(nonEmpty, "must not be empty").describe("One line: what the change does (becomes the PR title)."),
    rationale: z.string().describe("Why this change closes the gap, and how the test proves it."),
    estimated_loc: z.number().int().nonnegative().describe("Estimated number of changed lines."),
    files: z
      .array(z.union([contentFileSchema, editsFileSchema]))
      .min(1)
      .describe("Files to create or change: either whole `content`, or `edits` on an existing file. Never delete a file."),
  })
  .strict();

/** JSON Schema of a proposal, for `response_format: { type: "json_schema", json_schema: { name, schema } }`. */
export const proposalJsonSchema: Record<string, unknown> = withoutMetaSchema(z.toJSONSchema(proposalSchema));

export const PROPOSAL_SCHEMA_NAME = "proposal";

export type ParseProposalResult = { ok: true; proposal: Proposal } | { ok: false; error: string };

const TOP_KEYS = ["summary", "rationale", "estimated_loc", "files"];
const MAX_ISSUES = 6;

/**
 * Find the proposal in a model's answer (raw JSON, a fenced block, or an object inside prose) and validate it.
 * The error names the key path and what was expected, short enough to quote back to the model.
 */
export function parseProposal(text: string): ParseProposalResult {
  if (text.trim() === "") return { ok: false, error: "the answer is empty; reply with one JSON object" };
  const found = extractJsonObjects(text);
  let best: { candidate: ExtractedObject; issues: string[]; score: number } | null = null;
  for (const candidate of found.objects) {
    const checked = validate(candidate.value);
    if (checked.ok) return checked;
    const score = TOP_KEYS.filter((key) => Object.hasOwn(candidate.value, key)).length;
    if (best === null || score > best.score) best = { candidate, issues: checked.issues, score };
  }
  // An answer cut off mid-object often still holds complete inner objects (an edit); those are not the answer.
  if (found.truncated && (best === null || best.score === 0)) return { ok: false, error: truncationMessage(found.truncated) };
  if (best !== null) return { ok: false, error: `the proposal does not match the schema: ${summarize(best.issues)}` };
  if (found.syntaxError) {
    const hint = /control character/i.test(found.syntaxError.message) ? " (escape newlines and tabs inside strings as \\n and \\t)" : "";
    return { ok: false, error: `the JSON object at line ${found.syntaxError.line} is not valid JSON: ${found.syntaxError.message}${hint}` };
  }
  return { ok: false, error: "no JSON object found in the answer; reply with one JSON object that starts with { and ends with }" };
}

function validate(value: Record<string, unknown>): { ok: true; proposal: Proposal } | { ok: false; issues: string[] } {
  const result = proposalSchema.safeParse(coerceLoc(value), { reportInput: true });
  if (result.success) return { ok: true, proposal: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => describeIssue(issue, [])) };
}

/** Models often quote numbers; a string of digits for estimated_loc is accepted, nothing else is coerced. */
function coerceLoc(value: Record<string, unknown>): Record<string, unknown> {
  const loc = value["estimated_loc"];
  return typeof loc === "string" && /^\s*\d{1,9}\s*$/.test(loc) ? { ...value, estimated_loc: Number(loc) } : value;
}

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

function describeIssue(issue: Issue, prefix: Key[]): string[] {
  const at = [...prefix, ...issue.path];
  const where = formatPath(at);
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "int" ? "an integer" : issue.expected;
      if (issue.input === undefined) return [`${where}: missing (expected ${expected})`];
      return [`${where}: expected ${expected}, got ${describeValue(issue.input)}`];
    }
    case "unrecognized_keys":
      return [`${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (allowed: ${allowedKeys(at)})`];
    case "too_small":
      if (issue.origin === "array") return [`${where}: must not be empty`];
      return [`${where}: must be at least ${String(issue.minimum)}, got ${describeValue(issue.input)}`];
    case "invalid_value":
      if (at.at(-1) === "is_new") return [`${where}: must be false for a file with edits (to create a file, give its whole content)`];
      return [`${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${describeValue(issue.input)}`];
    case "invalid_union":
      return describeFileUnion(issue, at);
    default:
      return [`${where}: ${issue.message}`];
  }
}

/** A file entry failed both shapes: report the errors of the shape it was evidently meant to have. */
function describeFileUnion(issue: Extract<Issue, { code: "invalid_union" }>, at: Key[]): string[] {
  const where = formatPath(at);
  const input = issue.input;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [`${where}: expected a file object {path, is_new, content} or {path, is_new: false, edits}, got ${describeValue(input)}`];
  }
  const hasContent = Object.hasOwn(input, "content");
  const hasEdits = Object.hasOwn(input, "edits");
  if (hasContent && hasEdits) return [`${where}: give either "content" or "edits", not both`];
  const branch = issue.errors[hasEdits ? 1 : 0] ?? [];
  if (!hasContent && !hasEdits) {
    const rest = branch.filter((inner) => !(inner.code === "invalid_type" && inner.path[0] === "content"));
    return [`${where}: missing "content" (whole file) or "edits" (search/replace)`, ...rest.flatMap((inner) => describeIssue(inner, at))];
  }
  return branch.flatMap((inner) => describeIssue(inner, at));
}

function allowedKeys(at: Key[]): string {
  if (at.length === 0) return TOP_KEYS.join(", ");
  if (at.length === 2) return "path, is_new, and content or edits";
  return "old_string, new_string";
}

function formatPath(path: Key[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function summarize(issues: string[]): string {
  const shown = issues.slice(0, MAX_ISSUES).join("; ");
  return issues.length > MAX_ISSUES ? `${shown}; and ${issues.length - MAX_ISSUES} more` : shown;
}

function truncationMessage(truncated: { line: number; open: string; inString: boolean }): string {
  const closers = [...truncated.open].reverse().map((c) => (c === "{" ? "}" : "]")).join("");
  const where = truncated.inString ? "inside a string" : "before its end";
  return (
    `the JSON object that starts at line ${truncated.line} is cut off ${where} (missing "${closers}"); ` +
    "the answer was probably truncated by the output token limit: send the complete object, and keep it short (prefer edits over whole files)"
  );
}

function withoutMetaSchema(schema: Record<string, unknown>): Record<string, unknown> {
  // Some OpenAI-compatible servers reject the $schema keyword inside response_format.
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}
