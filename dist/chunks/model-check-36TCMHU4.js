import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  claimSentences,
  quoteClaim
} from "./chunk-67CUJNE5.js";
import {
  extractJsonObjects,
  renderTemplate
} from "./chunk-RNEIYMXO.js";
import {
  detectSecrets
} from "./chunk-O3YUUCCS.js";
import {
  BudgetExceededError,
  countTokens
} from "./chunk-7NIWIZEQ.js";
import {
  ModelError
} from "./chunk-2IUJ6AXQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/core/audit/model-claims.ts
var MAX_CLAIMS = 12;
var claimsAnswer = external_exports.object({
  claims: external_exports.array(
    external_exports.object({
      text: external_exports.string().describe("The claim, quoted or closely paraphrased from the text."),
      verification: external_exports.boolean().describe("True when the claim says something was run, tested, measured or observed (tests pass, verified live, benchmark shows).")
    }).strict()
  ).describe("Each factual claim the text makes about the change, at most 12.")
}).strict();
var evidence = external_exports.object({ path: external_exports.string(), line: external_exports.number().int() }).strict();
var verdictsAnswer = external_exports.object({
  verdicts: external_exports.array(
    external_exports.object({
      claim: external_exports.number().int().describe("The claim's number, as listed."),
      verdict: external_exports.enum(["backed", "not_backed", "contradicted"]),
      evidence: external_exports.array(evidence).describe("Diff lines (path and new-side line number as shown) that back or contradict the claim; empty when none."),
      reason: external_exports.string().describe("One sentence: why.")
    }).strict()
  )
}).strict();
function schemaOf(schema) {
  const json = external_exports.toJSONSchema(schema);
  delete json.$schema;
  return json;
}
var CLAIMS_JSON_SCHEMA = schemaOf(claimsAnswer);
var VERDICTS_JSON_SCHEMA = schemaOf(verdictsAnswer);
function parseAnswer(text, schema) {
  const found = extractJsonObjects(text);
  let error = found.truncated ? "the answer was cut off" : found.syntaxError ? `invalid JSON: ${found.syntaxError.message}` : "no JSON object in the answer";
  for (const object of found.objects) {
    const parsed = schema.safeParse(object.value);
    if (parsed.success) return { ok: true, value: parsed.data };
    error = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  }
  return { ok: false, error };
}
var parseClaims = (text) => parseAnswer(text, claimsAnswer);
var parseVerdicts = (text) => parseAnswer(text, verdictsAnswer);
function showDiff(files, maxTokens) {
  const parts = [];
  const lines = /* @__PURE__ */ new Map();
  const notShown = [];
  let used = 0;
  for (const file of files) {
    if (!file.patch) {
      notShown.push(file.path);
      continue;
    }
    const numbered = numberPatch(file.patch);
    const block = `### ${file.path} (${file.status}${file.previousPath ? ` from ${file.previousPath}` : ""})
${numbered.text}`;
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
function numberPatch(patch) {
  const out = [];
  const lines = /* @__PURE__ */ new Set();
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
function verdictIssues(claims, verdicts, shown, blockingKinds) {
  const issues = [];
  const done = /* @__PURE__ */ new Set();
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

// src/jobs/audit/model-check.ts
async function runModelCheck(input) {
  const { model, source, config } = input;
  const text = [`Title: ${source.title}`, source.body ? `Body:
${source.body}` : "", ...source.commits.map((c, i) => `Commit ${i + 1}:
${c}`)].filter(Boolean).join("\n\n");
  const maxTokens = Math.min(config.models.max_output_tokens, 2e3);
  try {
    const extracted = await model.chat({
      purpose: "audit_claims",
      maxTokens,
      temperature: 0,
      jsonSchema: { name: "claims", schema: CLAIMS_JSON_SCHEMA },
      messages: [
        { role: "system", content: renderTemplate("audit-claims-system", { max_claims: MAX_CLAIMS }) },
        { role: "user", content: renderTemplate("audit-claims-user", { text: withoutSecrets(text) }) }
      ]
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
            not_shown: shown.notShown.length ? shown.notShown.join(", ") : "none"
          })
        }
      ]
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
  function failed(detail) {
    input.log.warn(`${source.label}: model check failed: ${detail}`);
    return { status: { status: "failed", detail }, issues: [] };
  }
}
var WITHHELD = "[line withheld: it holds a credential]";
function withoutSecrets(text) {
  const lines = text.split("\n");
  for (const finding of detectSecrets(text)) lines[finding.line - 1] = WITHHELD;
  return lines.join("\n");
}
function redactFile(file) {
  if (!file.patch) return file;
  const lines = file.patch.split("\n");
  const bodies = lines.map((line) => line.startsWith("@@") ? "" : line.slice(1));
  const findings = detectSecrets(bodies.join("\n"));
  if (findings.length === 0) return file;
  for (const finding of findings) {
    const i = finding.line - 1;
    lines[i] = `${(lines[i] ?? " ").charAt(0)}${WITHHELD}`;
  }
  return { ...file, patch: lines.join("\n") };
}
export {
  runModelCheck
};
