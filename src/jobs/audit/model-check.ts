// The model check: extract the PR text's claims (structured output), then judge each against the diff with
// evidence lines. Two calls through the (budgeted) model client; a refused budget or a failing model skips
// the check and says so, and the deterministic checks stand on their own. Lines holding a credential never
// enter the prompt.
import { BudgetExceededError } from "../../adapters/model/budgeted.js";
import type { Config } from "../../config/schema.js";
import type { AuditFile, AuditIssue } from "../../core/audit/audit-types.js";
import { claimSentences } from "../../core/audit/claim-sentences.js";
import { CLAIMS_JSON_SCHEMA, MAX_CLAIMS, parseClaims, parseVerdicts, showDiff, VERDICTS_JSON_SCHEMA, verdictIssues } from "../../core/audit/model-claims.js";
import type { ModelCheckStatus } from "../../core/audit/render-audit.js";
import { detectSecrets } from "../../core/secrets/detect-secrets.js";
import { ModelError, type ModelClient } from "../../ports/model.js";
import { renderTemplate } from "../../prompts/templates.js";
import type { Logger } from "../logger.js";
import type { AuditSource } from "./audit-source.js";

export interface ModelCheckInput {
  model: ModelClient;
  source: AuditSource;
  files: readonly AuditFile[];
  config: Config;
  log: Logger;
}

export async function runModelCheck(input: ModelCheckInput): Promise<{ status: ModelCheckStatus; issues: AuditIssue[] }> {
  const { model, source, config } = input;
  const text = [`Title: ${source.title}`, source.body ? `Body:\n${source.body}` : "", ...source.commits.map((c, i) => `Commit ${i + 1}:\n${c}`)].filter(Boolean).join("\n\n");
  const maxTokens = Math.min(config.models.max_output_tokens, 2000);
  try {
    const extracted = await model.chat({
      purpose: "audit_claims",
      maxTokens,
      temperature: 0,
      jsonSchema: { name: "claims", schema: CLAIMS_JSON_SCHEMA },
      messages: [
        { role: "system", content: renderTemplate("audit-claims-system", { max_claims: MAX_CLAIMS }) },
        { role: "user", content: renderTemplate("audit-claims-user", { text: withoutSecrets(text) }) },
      ],
    });
    const claims = parseClaims(extracted.content);
    if (!claims.ok) return failed(`the claims answer of ${extracted.model} was unusable: ${claims.error}`);
    const list = claims.value.claims.slice(0, MAX_CLAIMS);
    if (list.length === 0) return { status: { status: "ran", detail: extracted.model, claims: 0 }, issues: [] };
    const shown = showDiff(input.files.map(redactFile), config.audit.max_model_tokens);
    const quotesOutput = claimSentences([{ source: "all", text }]).some((s) => s.quotesOutput);
    const judged = await model.chat({
      purpose: "audit_judge",
      maxTokens,
      temperature: 0,
      jsonSchema: { name: "verdicts", schema: VERDICTS_JSON_SCHEMA },
      messages: [
        { role: "system", content: renderTemplate("audit-judge-system", {}) },
        {
          role: "user",
          content: renderTemplate("audit-judge-user", {
            claims: list.map((c, i) => `${i + 1}. ${c.text}${c.verification ? " (verification)" : ""}`).join("\n"),
            quotes_output: quotesOutput ? "yes" : "no",
            diff: shown.text || "(no patch could be read)",
            not_shown: shown.notShown.length ? shown.notShown.join(", ") : "none",
          }),
        },
      ],
    });
    const verdicts = parseVerdicts(judged.content);
    if (!verdicts.ok) return failed(`the verdicts answer of ${judged.model} was unusable: ${verdicts.error}`);
    const issues = verdictIssues(list, verdicts.value.verdicts, shown, config.audit.blocking);
    const partial = shown.notShown.length ? `; ${shown.notShown.length} file(s) not shown to the model` : "";
    return { status: { status: "ran", detail: `${judged.model}${partial}`, claims: list.length }, issues };
  } catch (error) {
    if (error instanceof BudgetExceededError) return { status: { status: "skipped", detail: `budget spent: ${error.message}` }, issues: [] };
    if (error instanceof ModelError) return failed(error.message);
    throw error;
  }

  function failed(detail: string): { status: ModelCheckStatus; issues: AuditIssue[] } {
    input.log.warn(`${source.label}: model check failed: ${detail}`);
    return { status: { status: "failed", detail }, issues: [] };
  }
}

const WITHHELD = "[line withheld: it holds a credential]";

function withoutSecrets(text: string): string {
  const lines = text.split("\n");
  for (const finding of detectSecrets(text)) lines[finding.line - 1] = WITHHELD;
  return lines.join("\n");
}

/** The patch with every line that holds a credential replaced (its +/-/space prefix kept). */
function redactFile(file: AuditFile): AuditFile {
  if (!file.patch) return file;
  const lines = file.patch.split("\n");
  const bodies = lines.map((line) => (line.startsWith("@@") ? "" : line.slice(1)));
  // No path: a fixture's made-up key stays out of the prompt too.
  const findings = detectSecrets(bodies.join("\n"));
  if (findings.length === 0) return file;
  for (const finding of findings) {
    const i = finding.line - 1;
    lines[i] = `${(lines[i] ?? " ").charAt(0)}${WITHHELD}`;
  }
  return { ...file, patch: lines.join("\n") };
}
