// The model's review of one file: one zod schema is the validator and the JSON Schema sent as the response
// format; parseReviewAnswer finds the answer in whatever came back (raw JSON, a fence, prose around it) and
// says in one short line what was wrong, to quote in the repair request and in the next rung's learning block.
import { z } from "zod";
import { extractJsonObjects } from "../extract-json.js";
import { SEVERITIES } from "./review-record.js";

// Models quote numbers ("7"), and some write 0.9 for 90 %: both are normalized, nothing else is coerced.
const int = z.preprocess((v) => (typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v), z.number().int());
const confidence = z.preprocess(
  (v) => {
    const n = typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
    return typeof n === "number" && n > 0 && n <= 1 && !Number.isInteger(n) ? Math.round(n * 100) : n;
  },
  z.number().min(0).max(100),
);

export const answerFindingSchema = z.object({
  line_start: int.describe("First line (1-based, as numbered in the file shown) the finding is about."),
  line_end: int.describe("Last line of the finding (equal to line_start for one line)."),
  severity: z.enum(SEVERITIES),
  category: z.string().describe("requirement, bug, security, test, docs, style, …"),
  confidence: confidence.describe("0-100: how sure you are that this finding is right and worth acting on."),
  message: z.string().describe("What is wrong and why, citing the requirement."),
  suggestion: z.string().optional().describe("Replacement text for lines line_start..line_end, only when you are sure of it."),
  prd_refs: z.array(z.string()).describe("Ids of the [ref:<id>] sections this finding relies on."),
});

export const reviewAnswerSchema = z.object({
  summary: z.string().describe("What the file does against the requirements, in 2-4 sentences."),
  alignment_score: int.pipe(z.number().min(1).max(10)).describe("1-10: how well the file fits the requirements shown."),
  findings: z.array(answerFindingSchema),
  gaps: z
    .array(z.object({ message: z.string(), prd_refs: z.array(z.string()) }))
    .default([])
    .describe("Requirements this change should address but does not."),
});

export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
export type AnswerFinding = z.infer<typeof answerFindingSchema>;

const { $schema: _meta, ...jsonSchema } = z.toJSONSchema(reviewAnswerSchema, { io: "input" }) as Record<string, unknown>;
/** For `response_format: { type: "json_schema", json_schema: { name: "review", schema } }`. */
export const reviewAnswerJsonSchema: Record<string, unknown> = jsonSchema;

export type ParsedAnswer = { ok: true; answer: ReviewAnswer } | { ok: false; error: string };

export function parseReviewAnswer(text: string): ParsedAnswer {
  if (text.trim() === "") return { ok: false, error: "the answer is empty" };
  const found = extractJsonObjects(text);
  let firstIssues: string | undefined;
  for (const candidate of found.objects) {
    const parsed = reviewAnswerSchema.safeParse(candidate.value);
    if (parsed.success) return { ok: true, answer: parsed.data };
    if (firstIssues === undefined && ("findings" in candidate.value || "summary" in candidate.value)) {
      firstIssues = parsed.error.issues
        .slice(0, 4)
        .map((issue) => `${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`)
        .join("; ");
    }
  }
  if (firstIssues !== undefined) return { ok: false, error: `the JSON does not match the schema: ${firstIssues}` };
  if (found.truncated) return { ok: false, error: `the JSON object at line ${found.truncated.line} is cut off (the output limit ran out?)` };
  if (found.syntaxError) return { ok: false, error: `invalid JSON at line ${found.syntaxError.line}: ${found.syntaxError.message}` };
  return { ok: false, error: "no JSON object in the answer" };
}
