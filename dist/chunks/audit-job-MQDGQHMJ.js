import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  AUDITOR_CONTEXT,
  postFinalStatus
} from "./chunk-CWT7H6D7.js";
import {
  auditModel,
  forgeAuditSource,
  renderDetails,
  runAuditJob
} from "./chunk-G7YIY3QH.js";
import "./chunk-67CUJNE5.js";
import {
  createBranchStore,
  credentialedUrl
} from "./chunk-YNDQCUKL.js";
import {
  sanitizeModelLine,
  sanitizeModelText
} from "./chunk-JYKYN4DB.js";
import "./chunk-NAZR2PN3.js";
import "./chunk-BLP4DUNT.js";
import "./chunk-KH5HBYDN.js";
import "./chunk-3UZFI7QD.js";
import "./chunk-3UQTJ3QH.js";
import "./chunk-2QDLELWW.js";
import "./chunk-BYGMBUYC.js";
import "./chunk-VEPGM2LT.js";
import "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-ART3RKJ5.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/wiring/audit-job.ts
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";

// src/jobs/audit/post-audit.ts
async function postAuditReport(forge, pr, headSha, report) {
  const annotations = report.issues.filter((issue) => issue.path !== void 0 && issue.line !== void 0).slice(0, 50).map((issue) => ({ path: issue.path, line: issue.line, message: sanitizeModelLine(`${issue.kind}: ${issue.message}`), level: issue.blocking ? "failure" : "warning" }));
  return postFinalStatus(forge, {
    sha: headSha,
    context: AUDITOR_CONTEXT,
    state: report.state,
    description: sanitizeModelLine(report.summary, 140),
    details: renderDetails(report, sanitizeModelText),
    ...annotations.length ? { annotations } : {},
    pr
  });
}
async function postAuditError(forge, pr, headSha, reason) {
  await postFinalStatus(forge, { sha: headSha, context: AUDITOR_CONTEXT, state: "error", description: sanitizeModelLine(`The audit could not run: ${reason}`, 140), pr });
}

// src/wiring/audit-job.ts
async function runForgeAudit(pr, deps) {
  const { forge, config, log } = deps;
  const scratch = await mkdtemp(path.join(deps.tempDir, "prd-bot-audit-"));
  let headSha;
  try {
    headSha = (await forge.getPullRequest(pr)).headSha;
    const source = await forgeAuditSource(forge, pr, scratch);
    const state = config.models.audit.length ? createBranchStore({ remoteUrl: credentialedUrl(forge.gitRemote()), branch: config.state.branch, workDir: path.join(scratch, "state") }) : void 0;
    const { model, skipped } = auditModel(config, deps.env, state, deps.now, deps.configFile);
    const { report } = await runAuditJob({ source, config, log, ...model ? { model } : {}, ...skipped ? { modelSkipped: skipped } : {} });
    const posted = await postAuditReport(forge, pr, source.headSha, report);
    const note = `${source.label}: prd-bot/auditor ${report.state} (${posted.as}${posted.commitStatus ? " + commit status" : ""}): ${report.summary}`;
    return { notes: [note] };
  } catch (error) {
    const reason = error.message ?? String(error);
    if (headSha) await postAuditError(forge, pr, headSha, reason).catch((posting) => log.warn(`could not post the audit error on #${pr}: ${posting.message}`));
    return { notes: [`audit of #${pr} failed: ${reason}`], failure: `the audit of #${pr} could not run: ${reason}` };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
export {
  runForgeAudit
};
