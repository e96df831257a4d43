// The audit arm of wiring/forge-jobs.ts, for the Action and the app's in-process runner: read the pull request
// from git objects (never its checkout, never its code), run the auditor, post prd-bot/auditor. Whatever
// happens, the status ends (success, failure or error): a PR is never left pending.
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { createBranchStore } from "../adapters/state/branch-store.js";
import { runAuditJob } from "../jobs/audit/index.js";
import { postAuditError, postAuditReport } from "../jobs/audit/post-audit.js";
import type { ForgeJobDeps, ForgeJobResult } from "./forge-jobs.js";
import { auditModel, forgeAuditSource } from "./audit-wiring.js";
import { credentialedUrl } from "./forge-cycles.js";

export async function runForgeAudit(pr: number, deps: ForgeJobDeps): Promise<ForgeJobResult> {
  const { forge, config, log } = deps;
  const scratch = await mkdtemp(path.join(deps.tempDir, "prd-bot-audit-"));
  let headSha: string | undefined;
  try {
    headSha = (await forge.getPullRequest(pr)).headSha;
    const source = await forgeAuditSource(forge, pr, scratch);
    // The ledger lives on the state branch; a token that cannot push it (the audit job's read-only default)
    // makes the budgeted client refuse the call, and the model check is skipped with that reason.
    const state = config.models.audit.length ? createBranchStore({ remoteUrl: credentialedUrl(forge.gitRemote()), branch: config.state.branch, workDir: path.join(scratch, "state") }) : undefined;
    const { model, skipped } = auditModel(config, deps.env, state, deps.now, deps.configFile);
    const { report } = await runAuditJob({ source, config, log, ...(model ? { model } : {}), ...(skipped ? { modelSkipped: skipped } : {}) });
    const posted = await postAuditReport(forge, pr, source.headSha, report);
    const note = `${source.label}: prd-bot/auditor ${report.state} (${posted.as}${posted.commitStatus ? " + commit status" : ""}): ${report.summary}`;
    return { notes: [note] };
  } catch (error) {
    const reason = (error as Error).message ?? String(error);
    if (headSha) await postAuditError(forge, pr, headSha, reason).catch((posting: Error) => log.warn(`could not post the audit error on #${pr}: ${posting.message}`));
    return { notes: [`audit of #${pr} failed: ${reason}`], failure: `the audit of #${pr} could not run: ${reason}` };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
