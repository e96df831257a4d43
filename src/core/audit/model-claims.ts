// The model check's data: the two structured answers (claims extracted from the PR text; a verdict per claim
// with evidence lines), their JSON Schemas, the diff as the model sees it (numbered new-side lines, packed to a
// token budget), and the rule that turns verdicts into issues. Evidence must point at a line the model was
// shown; a "contradicted" without such a line is dropped (precision first).
import { z } from "zod";
import { extractJsonObjects } from "../extract-json.js";
import { countTokens } from "../tokens.js";
import type { AuditFile, AuditIssue } from "./audit-types.js";
import { quoteClaim } from "./claim-sentences.js";

export const MAX_CLAIMS = 12;

const claimsAnswer = z
  .object({
    claims: z
      .array(
        z
          .object({
            text: z.string().describe("The claim, quoted or closely paraphrased from the text."),
            verification: z.boolean().describe("True when the claim says something was run, tested, measured or observed (tests pass, verified live, benchmark shows)."),
          })
          .strict(),
      )
      .describe("Each factual claim the text makes about the change, at most 12."),
  })
  .strict();

const evidence = z.object({ path: z.string(), line: z.number().int() }).strict();

const verdictsAnswer = z
  .object({
    verdicts: z.array(
      z
        .object({
          claim: z.number().int().describe("The claim's number, as listed."),
          verdict: z.enum(["backed", "not_backed", "contradicted"]),
          evidence: z.array(evidence).describe("Diff lines (path and new-side line number as shown) that back or contradict the claim; empty when none."),
          reason: z.string().describe("One sentence: why."),
        })
        .strict(),
    ),
  })
  .strict();

export type ExtractedClaim = z.infer<typeof claimsAnswer>["claims"][number];
export type ClaimVerdict = z.infer<typeof verdictsAnswer>["verdicts"][number];

function schemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export const CLAIMS_JSON_SCHEMA = schemaOf(claimsAnswer);
export const VERDICTS_JSON_SCHEMA = schemaOf(verdictsAnswer);

export function parseAnswer<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  const found = extractJsonObjects(text);
  let error = found.truncated ? "the answer was cut off" : found.syntaxError ? `invalid JSON: ${found.syntaxError.message}` : "no JSON object in the answer";
  for (const object of found.objects) {
    const parsed = schema.safeParse(object.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    error = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  }
  return { ok: false, error };
}

export const parseClaims = (text: string) => parseAnswer(text, claimsAnswer);
export const parseVerdicts = (text: string) => parseAnswer(text, verdictsAnswer);

export interface ShownDiff {
  text: string;
  /** Lines the model was shown, per path (new-side numbers, and old-side numbers of removed lines). */
  lines: Map<string, Set<number>>;
  /** Files not shown (no patch, or past the budget). */
  notShown: string[];
}

/** The diff with every line numbered, file by file, until `maxTokens`; later files are listed as not shown. */
export function showDiff(files: readonly AuditFile[], maxTokens: number): ShownDiff {
  const parts: string[] = [];
  const lines = new Map<string, Set<number>>();
  const notShown: string[] = [];
  let used = 0;
  for (const file of files) {
    if (!file.patch) {
      notShown.push(file.path);
      continue;
    }
    const numbered = numberPatch(file.patch);
    const block = `### ${file.path} (${file.status}${file.previousPath ? ` from ${file.previousPath}` : ""})\n${numbered.text}`;
    const cost = countTokens(block);
    if (used + cost > maxTokens) {
      notShown.push(file.path);
      continue;
    }
    used += cost;
    parts.push(block);
    lines.set(file.path, numbered.lines);
  }
  return { text: parts.join("\n\n"), lines, notShown };
}

function numberPatch(patch: string): { text: string; lines: Set<number> } {
  const out: string[] = [];
  const lines = new Set<number>();
  let oldLine = 0;
  let newLine = 0;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      out.push(line);
    } else if (line.startsWith("-")) {
      lines.add(oldLine);
      out.push(`${String(oldLine++).padStart(5)} ${line}`);
    } else if (line.startsWith("\\")) continue;
    else {
      lines.add(newLine);
      out.push(`${String(newLine++).padStart(5)} ${line.startsWith("+") ? line : ` ${line.slice(1)}`}`);
      if (!line.startsWith("+")) oldLine++;
    }
  }
  return { text: out.join("\n"), lines };
}

/** Verdicts → issues: contradicted (with shown evidence) blocks; not backed blocks for verification claims. */
export function verdictIssues(claims: readonly ExtractedClaim[], verdicts: readonly ClaimVerdict[], shown: ShownDiff, blockingKinds: readonly string[]): AuditIssue[] {
  const issues: AuditIssue[] = [];
  const done = new Set<number>();
  for (const verdict of verdicts) {
    const claim = claims[verdict.claim - 1];
    if (!claim || done.has(verdict.claim) || verdict.verdict === "backed") continue;
    done.add(verdict.claim);
    const valid = verdict.evidence.filter((e) => shown.lines.get(e.path)?.has(e.line));
    const quoted = `"${quoteClaim(claim.text)}"`;
    const reason = quoteClaim(verdict.reason, 200);
    if (verdict.verdict === "contradicted") {
      const first = valid[0];
      if (!first) continue;
      issues.push({ kind: "claim_contradicted", blocking: blockingKinds.includes("claim_contradicted"), message: `claim contradicted (model): ${quoted}: ${reason}`, path: first.path, line: first.line });
    } else {
      issues.push({ kind: "claim_not_backed", blocking: claim.verification && blockingKinds.includes("claim_not_backed"), message: `claim not backed (model): ${quoted}: ${reason}` });
    }
  }
  return issues;
}
