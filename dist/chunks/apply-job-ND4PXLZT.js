import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  cloneRepository
} from "./chunk-OKZ33NVV.js";
import {
  reviewsForHead,
  runApply
} from "./chunk-CEZO7QYT.js";
import {
  diffLines,
  renderSuggestion
} from "./chunk-EJQ67LX4.js";
import "./chunk-WKVJPJSK.js";
import {
  createBranchStore,
  credentialedUrl
} from "./chunk-YNDQCUKL.js";
import {
  sanitizeModelText,
  upsertReport
} from "./chunk-JYKYN4DB.js";
import "./chunk-NAZR2PN3.js";
import {
  applyRules
} from "./chunk-BLP4DUNT.js";
import "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import {
  createOpenAIModelClient,
  detectWorkspaceTestCommand,
  resolveModelChain
} from "./chunk-VEPGM2LT.js";
import {
  openGitWorkspace
} from "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-ART3RKJ5.js";
import {
  PushRejectedError
} from "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import {
  ConfigError
} from "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/wiring/apply-job.ts
import { mkdtemp as mkdtemp2, rm } from "node:fs/promises";
import path2 from "node:path";

// src/jobs/apply/index.ts
import { mkdtemp } from "node:fs/promises";
import path from "node:path";

// src/core/apply/changed-lines.ts
function changedLines(before, after) {
  if (before === after) return void 0;
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  let start = head;
  const end = a.length - tail;
  let replacement = b.slice(head, b.length - tail);
  if (end <= start) {
    if (start > 0) {
      start -= 1;
      replacement = [a[start], ...replacement];
    } else {
      replacement = [...replacement, a[0]];
      return { start: 1, end: 1, lines: replacement };
    }
    return { start: start + 1, end: start + 1, lines: replacement };
  }
  return { start: start + 1, end, lines: replacement };
}

// src/core/apply/render-apply-report.ts
var APPLY_REPORT_MARKER = "apply";
function renderApplyReport(input) {
  const { sanitize } = input;
  const out = [`### prd-bot scrum apply: #${input.pr} at \`${input.headSha.slice(0, 12)}\``, "", input.delivery, ""];
  if (input.files.length === 0) out.push("No file was eligible for auto-apply.", "");
  for (const file of input.files) {
    const commit = file.commit ? ` in ${file.commit.slice(0, 12)}` : "";
    out.push(`- \`${file.path}\`: **${file.action}**${commit}: ${sanitize(file.reason)}`);
    for (const patch of file.applied) out.push(`  - applied: ${sanitize(patch.rationale) || "(no rationale)"} (confidence ${patch.confidence}${patch.tolerant ? ", matched ignoring whitespace" : ""})`);
    for (const entry of file.rejected) out.push(`  - rejected by \`${entry.gate}\`: ${sanitize(entry.reason)}`);
    if (file.action === "build_red_reverted" && file.check) {
      const tail = file.check.output_tail.split("\n").slice(-20).join("\n").replace(/`{3,}/g, "``");
      out.push("", "  <details><summary>check output (tail)</summary>", "", "  ```", ...tail.split("\n").map((line) => `  ${line}`), "  ```", "  </details>", "");
    }
  }
  if (input.skipped.length > 0) {
    out.push("", "<details><summary>Not eligible</summary>", "");
    for (const file of input.skipped) out.push(`- \`${file.path}\`: ${file.reason}`);
    out.push("", "</details>");
  }
  for (const note of input.notes) out.push("", note);
  out.push("", `Tokens: ${input.tokens.prompt} prompt + ${input.tokens.completion} completion.`);
  return out.join("\n");
}

// src/jobs/apply/index.ts
async function runApplyJob(request, deps) {
  const { forge, config, log } = deps;
  const pull = await forge.getPullRequest(request.pr);
  const defaultBranch = await forge.defaultBranch();
  const delivery = pull.fromFork ? "suggest" : config.apply.push_to_pr && pull.head !== defaultBranch ? "push" : "draft_pr";
  const common = { config, state: deps.state, log, now: deps.now, model: deps.model, protectedGlobs: applyRules(config).protectedGlobs };
  const notes = [];
  const found = await reviewsForHead(deps.state, { headSha: pull.headSha, pr: pull.number });
  if (!found.ok) {
    await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, `### prd-bot scrum apply: #${pull.number}

${found.reason}`);
    log.info(found.reason);
    return { notes: [found.reason] };
  }
  let result;
  let deliveryText;
  if (delivery === "suggest") {
    result = await runApply({ ...common, read: (file) => forge.readFile(file, pull.headSha) }, { headSha: pull.headSha, pr: pull.number, mode: "suggest" });
    deliveryText = "This pull request comes from a fork: its code was not run (no secrets for fork code), and the patches are posted as suggestions to review and commit by hand.";
    if (result.ok) notes.push(...await postSuggestions(forge, pull, result));
  } else {
    const workspace = await cloneHead(deps, pull);
    const checkCommand = config.apply.check_command ?? config.test.command ?? await deps.detectCheckCommand(workspace);
    result = await runApply(
      { ...common, workspace, read: (file) => workspace.readFile(file), ...checkCommand ? { checkCommand } : {} },
      { headSha: pull.headSha, pr: pull.number, mode: "commit" }
    );
    const committed = result.ok ? result.files.filter((file) => file.commit !== null).length : 0;
    deliveryText = committed === 0 ? "Nothing was committed." : delivery === "push" ? await pushToPr(forge, workspace, pull, committed) : await openFollowUp(forge, workspace, pull, committed);
  }
  if (!result.ok) {
    await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, `### prd-bot scrum apply: #${pull.number}

${result.reason}`);
    log.info(result.reason);
    return { notes: [result.reason] };
  }
  const body = renderApplyReport({ pr: pull.number, headSha: pull.headSha, delivery: deliveryText, files: result.files, skipped: result.skipped, tokens: result.tokens, notes, sanitize: sanitizeModelText });
  const report = await upsertReport(forge, pull.number, APPLY_REPORT_MARKER, body);
  const summary = `apply on #${pull.number}: ${result.files.map((file) => `${file.path} ${file.action}`).join(", ") || "no eligible file"}; ${deliveryText}`;
  log.info(summary);
  return { notes: [summary, ...report ? [`report ${report.url}`] : []] };
}
async function cloneHead(deps, pull) {
  const dir = path.join(await mkdtemp(path.join(deps.tempDir, "prd-bot-apply-")), "checkout");
  await cloneRepository(deps.forge.gitRemote(), pull.head, dir);
  const workspace = await openGitWorkspace(dir);
  const sha = await workspace.headSha();
  if (sha !== pull.headSha) throw new Error(`the branch ${pull.head} of #${pull.number} moved (${sha.slice(0, 12)}, PR says ${pull.headSha.slice(0, 12)}): run the review again, then /scrum apply`);
  return workspace;
}
async function pushToPr(forge, workspace, pull, committed) {
  const now = await forge.getPullRequest(pull.number);
  const moved = `The branch \`${pull.head}\` moved while prd-bot worked (now \`${now.headSha.slice(0, 12)}\`); nothing was pushed. Run the review again, then \`/scrum apply\`.`;
  if (now.headSha !== pull.headSha) return moved;
  try {
    await workspace.push(forge.gitRemote(), pull.head);
  } catch (error) {
    if (error instanceof PushRejectedError) return moved;
    throw error;
  }
  return `Pushed ${committed} commit(s) to \`${pull.head}\`, one per file.`;
}
async function openFollowUp(forge, workspace, pull, committed) {
  const branch = `prd-bot/apply-${pull.number}-${pull.headSha.slice(0, 7)}`;
  await workspace.checkoutNewBranch(branch);
  await workspace.push(forge.gitRemote(), branch);
  const opened = await forge.openDraftPullRequest({
    head: branch,
    base: pull.head,
    title: `prd-bot apply: ${committed} file(s) from the review of #${pull.number}`,
    body: `Patches from high-confidence review findings of #${pull.number} at ${pull.headSha.slice(0, 12)}, checked one file at a time. See the apply report on #${pull.number}.`,
    labels: []
  });
  return `Opened the follow-up draft PR ${opened.url} into \`${pull.head}\` with ${committed} commit(s), one per file.`;
}
async function postSuggestions(forge, pull, result) {
  const files = result.files.filter((file) => file.action === "suggested" && file.original !== void 0 && file.patched !== void 0);
  if (files.length === 0) return [];
  const compared = await forge.compare(pull.base, pull.headSha);
  const comments = [];
  const notes = [];
  for (const file of files) {
    const change = changedLines(file.original, file.patched);
    if (!change) continue;
    const commentable = diffLines(compared.find((entry) => entry.path === file.path)?.patch);
    const inDiff = Array.from({ length: change.end - change.start + 1 }, (_, i) => change.start + i).every((line) => commentable.has(line));
    const suggestion = renderSuggestion(change.lines.join("\n"), { committable: inDiff && forge.capabilities.suggestions });
    if (inDiff) {
      comments.push({ path: file.path, line: change.end, side: "RIGHT", ...change.end > change.start ? { startLine: change.start } : {}, body: `prd-bot apply:

${suggestion}` });
    } else {
      notes.push(`\`${file.path}\` lines ${change.start}-${change.end} are outside the diff, so no suggestion could be placed there:

${suggestion}`);
    }
  }
  if (comments.length > 0) await forge.review(pull.number, { body: "prd-bot apply: suggestions from the review's high-confidence findings.", comments, commitSha: pull.headSha });
  return notes;
}

// src/wiring/apply-job.ts
async function runForgeApply(request, deps) {
  let model;
  try {
    model = createOpenAIModelClient(resolveModelChain(deps.config, deps.env, { task: "patch", file: deps.configFile }), { maxAnswerBytes: deps.config.models.max_answer_bytes });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (request.asked) await deps.forge.comment(request.pr, `prd-bot could not apply patches on this pull request: ${sanitizeModelText(error.message)}`);
    return { notes: [`apply on #${request.pr} not started: ${error.message}`], failure: error.message };
  }
  await initParsers();
  const scratch = await mkdtemp2(path2.join(deps.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(deps.forge.gitRemote()), branch: deps.config.state.branch, workDir: scratch });
    return await runApplyJob(
      { pr: request.pr },
      { forge: deps.forge, config: deps.config, model, state, tempDir: deps.tempDir, log: deps.log, now: deps.now, detectCheckCommand: detectWorkspaceTestCommand }
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
export {
  runForgeApply
};
