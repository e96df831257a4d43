import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  REVIEWS_PATH,
  latestReviews,
  parseReviews
} from "./chunk-WKVJPJSK.js";
import {
  askStructured,
  baselineCheck,
  providerKeyNames,
  replaceSnippet,
  runCheck
} from "./chunk-BLP4DUNT.js";
import {
  regionsAround
} from "./chunk-3UZFI7QD.js";
import {
  require_picomatch
} from "./chunk-2QDLELWW.js";
import {
  extractJsonObjects,
  renderTemplate
} from "./chunk-RNEIYMXO.js";
import {
  budgetedModelClient,
  countTokens
} from "./chunk-7NIWIZEQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import {
  __toESM
} from "./chunk-4TII4YUW.js";

// src/core/apply/eligible-files.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function eligibleFiles(latest, rules) {
  const refusal = pathRefusal(rules);
  const passing = [];
  const skipped = [];
  for (const record of latest) {
    const why = whyNot(record, rules) ?? refusal(record.path);
    if (why) skipped.push({ path: record.path, reason: why });
    else passing.push(record);
  }
  passing.sort((a, b) => b.confidence_avg - a.confidence_avg || b.confidence_min - a.confidence_min || a.path.localeCompare(b.path));
  for (const record of passing.slice(rules.maxFiles)) skipped.push({ path: record.path, reason: `beyond the top ${rules.maxFiles} files (apply.max_files)` });
  return { eligible: passing.slice(0, rules.maxFiles), skipped };
}
function whyNot(record, rules) {
  if (record.tier === "block" || record.tier === "simulation") return `review tier ${record.tier}`;
  if (record.findings.length === 0) return "the review has no findings";
  if (record.confidence_avg < rules.minConfidence) return `review confidence_avg ${record.confidence_avg} < ${rules.minConfidence} (apply.min_confidence)`;
  if (record.confidence_min < rules.minFindingConfidence) {
    return `review confidence_min ${record.confidence_min} < ${rules.minFindingConfidence} (apply.min_finding_confidence)`;
  }
  return void 0;
}
function pathRefusal(rules) {
  const denied = rules.deny.map((glob) => ({ glob, test: (0, import_picomatch.default)(glob, { dot: true }) }));
  const protectedGlobs = rules.protectedGlobs.map((glob) => ({ glob, test: (0, import_picomatch.default)(glob, { dot: true }) }));
  return (path) => {
    const deny = denied.find((entry) => entry.test(path));
    if (deny) return `denied by apply.deny (${deny.glob})`;
    const guard = protectedGlobs.find((entry) => entry.test(path));
    if (guard) return `protected path (${guard.glob})`;
    return void 0;
  };
}

// src/core/apply/apply-record.ts
var AUTO_APPLY_PATH = "auto_apply.jsonl";
var TAIL = 2e3;
function applyLine(outcome, context) {
  const lines = (text) => text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
  return {
    v: 1,
    at: context.at.toISOString(),
    action: outcome.action,
    file: outcome.path,
    head_sha: context.headSha,
    ...context.pr !== void 0 ? { pr: context.pr } : {},
    reason: outcome.reason,
    model: outcome.model,
    tokens: outcome.tokens,
    patches: outcome.applied.map((patch) => ({
      rationale: patch.rationale,
      confidence: patch.confidence,
      tolerant: patch.tolerant,
      old_lines: lines(patch.old_string),
      new_lines: lines(patch.new_string)
    })),
    rejected: outcome.rejected.map((entry) => ({ gate: entry.gate, reason: entry.reason, confidence: entry.patch.confidence })),
    commit: outcome.commit,
    ...outcome.check ? { check: { command: outcome.check.command, exit_code: outcome.check.exit_code, timed_out: outcome.check.timed_out, output_tail: outcome.check.output_tail.slice(-TAIL) } } : {},
    review: context.review
  };
}
function commitMessage(path, patches, context) {
  const count = patches.length === 1 ? "1 patch" : `${patches.length} patches`;
  const subject = `prd-bot apply: ${count} in ${path}`;
  const body = patches.map((patch) => `- ${oneLine(patch.rationale) || "(no rationale)"} (confidence ${patch.confidence}${patch.tolerant ? ", matched ignoring whitespace" : ""})`);
  const origin = context.pr !== void 0 ? `From the review of #${context.pr} at ${context.headSha.slice(0, 12)}.` : `From the review at ${context.headSha.slice(0, 12)}.`;
  return [subject, "", ...body, "", origin].join("\n");
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}

// src/core/apply/gate-patches.ts
function gatePatches(text, patches, rules) {
  const applied = [];
  const rejected = [];
  let current = text;
  for (const patch of patches) {
    const reject = (gate, reason) => rejected.push({ gate, reason, patch });
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
function lineCount(text) {
  if (text === "") return 0;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.at(-1) === "" ? lines.length - 1 : lines.length;
}

// src/core/apply/patch-answer.ts
var patchSchema = external_exports.object({
  old_string: external_exports.string().describe("Text copied from the file that occurs exactly once in it."),
  new_string: external_exports.string().describe("What replaces old_string."),
  rationale: external_exports.string().describe("One short sentence: which finding this fixes and why it is safe."),
  confidence: external_exports.number().min(0).max(100).describe("0-100: how sure you are that this patch is right and safe.")
}).strict();
var patchAnswerSchema = external_exports.object({
  patches: external_exports.array(patchSchema).describe("At most two patches; an empty list when unsure.")
}).strict();
var patchAnswerJsonSchema = (() => {
  const schema = external_exports.toJSONSchema(patchAnswerSchema);
  delete schema.$schema;
  return schema;
})();
function parsePatchAnswer(text) {
  if (text.trim() === "") return { ok: false, error: 'the answer is empty; reply with one JSON object {"patches": [...]}' };
  const found = extractJsonObjects(text);
  let firstError;
  for (const candidate of found.objects) {
    if (!Object.hasOwn(candidate.value, "patches")) continue;
    const parsed = patchAnswerSchema.safeParse(coerce(candidate.value));
    if (parsed.success) return { ok: true, patches: parsed.data.patches };
    firstError ??= parsed.error.issues.slice(0, 4).map((issue) => `${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`).join("; ");
  }
  if (firstError) return { ok: false, error: `the answer does not match the schema: ${firstError}` };
  if (found.truncated) return { ok: false, error: `the answer was cut off at line ${found.truncated.line}; reply with a shorter, complete JSON object` };
  if (found.syntaxError) return { ok: false, error: `the JSON at line ${found.syntaxError.line} is not valid: ${found.syntaxError.message}` };
  return { ok: false, error: 'no JSON object with a "patches" key found; reply with one JSON object {"patches": [...]}' };
}
function coerce(value) {
  const patches = value["patches"];
  if (!Array.isArray(patches)) return value;
  return {
    ...value,
    patches: patches.map((patch) => {
      if (typeof patch !== "object" || patch === null) return patch;
      const entry = { ...patch };
      if (typeof entry["confidence"] === "string" && /^\s*\d{1,3}(\.\d+)?\s*%?\s*$/.test(entry["confidence"])) entry["confidence"] = parseFloat(entry["confidence"]);
      if (entry["rationale"] === void 0) entry["rationale"] = "";
      return entry;
    })
  };
}

// src/jobs/apply/patch-prompt.ts
function buildPatchPrompt(record, source, config) {
  const budget = config.context.max_tokens;
  let shown = source;
  let note = "the whole file";
  let partial = false;
  if (countTokens(source) > budget) {
    const lines = record.findings.flatMap((finding) => [finding.line_start, finding.line_end]);
    const regions = regionsAround(record.path, source, lines, { maxTokens: budget, numbered: false });
    shown = regions.text;
    partial = regions.partial;
    note = "only the parts around the findings; old_string must come from the text shown";
  }
  const findings = record.findings.map((finding) => {
    const where = finding.line_start === finding.line_end ? `line ${finding.line_start}` : `lines ${finding.line_start}-${finding.line_end}`;
    const suggestion = finding.suggestion ? `
  suggested replacement:
${indent(finding.suggestion)}` : "";
    return `- ${where} [${finding.severity}, ${finding.category}, confidence ${finding.confidence}]: ${finding.message}${suggestion}`;
  }).join("\n");
  const system = renderTemplate("apply-patch-system", {
    max_lines: config.apply.max_patch_lines,
    max_patches: config.apply.max_patches,
    min_confidence: config.apply.min_confidence
  });
  const user = renderTemplate("apply-patch-user", { path: record.path, file_note: note, findings, source: shown.replace(/\n$/, "") });
  return { messages: [{ role: "system", content: system }, { role: "user", content: user }], partial };
}
function indent(text) {
  return text.split("\n").map((line) => `    ${line}`).join("\n");
}

// src/jobs/apply/apply-files.ts
async function applyFiles(deps, input) {
  const outcomes = [];
  for (const record of input.records) {
    const outcome = await applyOne(deps, input, record);
    outcomes.push(outcome);
    deps.log.info(`apply ${record.path}: ${outcome.action}: ${outcome.reason}`);
    const line = applyLine(outcome, {
      at: deps.now(),
      headSha: input.headSha,
      pr: input.pr,
      review: { at: record.at, confidence_avg: record.confidence_avg, confidence_min: record.confidence_min, tier: record.tier, model: record.model }
    });
    await deps.state.transact(async (tx) => tx.append(AUTO_APPLY_PATH, JSON.stringify(line)));
  }
  return outcomes;
}
async function applyOne(deps, input, record) {
  const { config } = deps;
  const base = { path: record.path, applied: [], rejected: [], commit: null, model: null, tokens: { prompt: 0, completion: 0 } };
  const source = await deps.read(record.path);
  if (source === void 0) return { ...base, action: "no_patches", reason: "the file does not exist at the reviewed head" };
  if (source.includes("\uFFFD") || source.includes("\0")) return { ...base, action: "no_patches", reason: "the file is not UTF-8 text" };
  const prompt = buildPatchPrompt(record, source, config);
  const asked = await askStructured(deps.model, prompt.messages, {
    purpose: "apply_patch",
    maxTokens: Math.min(config.models.max_output_tokens, 2500),
    temperature: 0.1,
    jsonSchema: { name: "patches", schema: patchAnswerJsonSchema },
    parse: (text) => {
      const parsed = parsePatchAnswer(text);
      return parsed.ok ? { ok: true, value: parsed.patches } : parsed;
    }
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
    pathRefusal: refusal
  });
  const common = { ...base, tokens, model, applied: gated.applied, rejected: gated.rejected, ...prompt.partial ? { partial: true } : {} };
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
    const run = await deps.log.group(`check: ${command}`, () => runCheck(workspace, checkOptions(deps, command)));
    const check = { command, exit_code: run.exit_code, timed_out: run.timed_out, output_tail: run.output_tail, duration_ms: run.duration_ms };
    if (!run.passed) {
      const how = run.timed_out ? `timed out after ${config.test.timeout_seconds} s` : `exited ${run.exit_code}`;
      return { ...common, check, action: "build_red_reverted", reason: `${command} ${how}; the file was restored` };
    }
    if (input.mode === "dry_run") return { ...common, check, action: "dry_run_committed", reason: `${command} passed; dry run, nothing committed` };
    const commit = await workspace.commitOnHead([record.path], commitMessage(record.path, gated.applied, { pr: input.pr, headSha: input.headSha }));
    return { ...common, check, commit, action: "committed", reason: `${command} passed; committed ${commit.slice(0, 12)}` };
  } finally {
    await workspace.restore(deps.ownPaths ?? []);
  }
}
function checkOptions(deps, command) {
  const { config } = deps;
  return { command, timeoutMs: config.test.timeout_seconds * 1e3, test: config.test, secretEnv: providerKeyNames(config), protect: deps.ownPaths, log: deps.log };
}

// src/jobs/apply/run-apply.ts
async function reviewsForHead(state, input) {
  const { records } = parseReviews(await state.read(REVIEWS_PATH));
  const latest = [...latestReviews(records, { pr: input.pr, headSha: input.headSha }).values()].filter(
    (record) => input.baseSha === void 0 || record.base_sha === input.baseSha
  );
  if (latest.length > 0) return { ok: true, latest };
  const where = input.pr !== void 0 ? `#${input.pr} at ${input.headSha.slice(0, 12)}` : `head ${input.headSha.slice(0, 12)}`;
  return { ok: false, reason: `no review records for ${where} in ${state.description}: run the review first (/scrum review, or prd-bot review)` };
}
async function runApply(deps, input) {
  const found = await reviewsForHead(deps.state, input);
  if (!found.ok) return found;
  const latest = found.latest;
  const { config } = deps;
  const { eligible, skipped } = eligibleFiles(latest, {
    minConfidence: config.apply.min_confidence,
    minFindingConfidence: config.apply.min_finding_confidence,
    maxFiles: config.apply.max_files,
    deny: config.apply.deny,
    protectedGlobs: deps.protectedGlobs
  });
  if (input.mode !== "suggest" && eligible.length > 0 && deps.workspace && deps.checkCommand && config.test.baseline) {
    const workspace = deps.workspace;
    const command = deps.checkCommand;
    const baseline = await deps.log.group(`baseline check: ${command}`, () => baselineCheck(workspace, deps.state, { ...checkOptions(deps, command), now: deps.now }));
    if (baseline.run) await workspace.restore(deps.ownPaths ?? []);
    if (!baseline.ok) return { ok: false, reason: `the check is red before any patch, so nothing was applied: ${baseline.reason}` };
  }
  const model = deps.model.free ? deps.model : budgetedModelClient(deps.model, { state: deps.state, limits: config.budget, now: deps.now });
  const files = await applyFiles({ ...deps, model }, { records: eligible, headSha: input.headSha, pr: input.pr, mode: input.mode });
  const tokens = files.reduce((sum, file) => ({ prompt: sum.prompt + file.tokens.prompt, completion: sum.completion + file.tokens.completion }), { prompt: 0, completion: 0 });
  return { ok: true, files, skipped, tokens };
}

export {
  reviewsForHead,
  runApply
};
