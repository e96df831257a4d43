// The propose cycle: one [bot-eligible] PRD gap → a tested change on a branch (and a draft PR when a
// forge is configured). Every cycle ends with exactly one record, whatever happened, and leaves the
// checkout as it found it: same branch, clean tree, default branch untouched.
import { randomBytes } from "node:crypto";
import { LedgerError, ledgerPath, parseLedger, reserve, utcDay } from "../../core/budget.js";
import { findGaps, gapsSince, openGaps } from "../../core/gaps/gaps.js";
import { priorAttempts, type CycleEvent } from "../../core/propose/history.js";
import type { Outcome } from "../../core/outcomes.js";
import { shouldRunCycle } from "../../core/propose/policy.js";
import { renderPrBody, renderPrTitle } from "../../core/propose/render-pr-body.js";
import type { CycleRecord, Gap, PlannedFile, Proposal, TestRun } from "../../core/types.js";
import type { Config } from "../../config/schema.js";
import { budgetedEmbedder, budgetedModelClient, estimateRequestTokens } from "../../adapters/model/budgeted.js";
import { recordTranscript } from "../../adapters/model/recording.js";
import type { ModelClient } from "../../ports/model.js";
import type { Embedder } from "../../adapters/model/embedder.js";
import type { StateStore } from "../../ports/state.js";
import type { Workspace } from "../../ports/workspace.js";
import { applyProposal, type ApplyRules } from "./apply-proposal.js";
import { askForProposal } from "./ask-for-proposal.js";
import { buildProposePrompt } from "./cycle-prompt.js";
import { localizeFiles } from "./localize.js";
import { loadCycleEvents, saveCycle, transcriptPath } from "./cycle-records.js";
import type { Logger } from "../logger.js";
import { renderTemplate } from "../../prompts/templates.js";
import { CycleState } from "./cycle-state.js";
import { TouchedTree } from "./touched-tree.js";
import { baselineCheck } from "../shared/baseline-check.js";
import { providerKeyNames, runCheck, type RunCheckOptions } from "../shared/run-check.js";

/** Where a green branch goes next: a forge's draft PR. Absent, the branch stays local. */
export interface Publisher {
  /** An open PR that already serves this gap, if any (→ skipped_duplicate before any model call). */
  findExisting(gap: Gap): Promise<{ url: string } | undefined>;
  /** Where a cycle's record can be read, linked from the PR body. */
  recordUrl?(cycleId: string): string;
  publish(input: { gap: Gap; branch: string; commit: string; title: string; body: string }): Promise<
    { ok: true; url: string } | { ok: false; outcome: "pr_failed" | "pr_skipped_by_policy"; reason: string }
  >;
}

export interface ProposeCycleDeps {
  workspace: Workspace;
  state: StateStore;
  model: ModelClient;
  config: Config;
  /** The test command: configured, detected, or undefined when none could be found. */
  testCommand: string | undefined;
  log: Logger;
  now: () => Date;
  version: string;
  publish?: Publisher;
  /** Paths inside the checkout that belong to the bot (its records) and never count as dirty. */
  ownPaths?: string[];
  newCycleId?: () => string;
  /** The chain for context.localize (models.localize); absent: `model`. Budgeted and recorded like it. */
  localizeModel?: ModelClient;
  /** context.embed: the embeddings model (models.embed); absent: BM25 alone. */
  embedder?: Embedder;
}

export interface ProposeCycleOptions {
  gapId?: string;
  /** Only gaps added or changed since this revision count. */
  since?: string;
  /** Apply and test, then put everything back: no branch, no PR. */
  dryRun?: boolean;
}

type Ending = { outcome: Outcome; reason: string };

export async function proposeCycle(deps: ProposeCycleDeps, options: ProposeCycleOptions = {}): Promise<CycleRecord> {
  const startedAt = deps.now();
  const cycleId = deps.newCycleId?.() ?? newCycleId(startedAt);
  const recorder = recordTranscript(routeLocalize(deps.model, deps.localizeModel));
  const run = new CycleState(cycleId, startedAt, deps.version, options.dryRun ?? false, recorder.transcript);
  const model = deps.model.free ? recorder.client : budgetedModelClient(recorder.client, { state: deps.state, limits: deps.config.budget, now: deps.now });
  const touch = new TouchedTree(deps.workspace, deps.ownPaths ?? []);
  let ending: Ending;
  // One cycle per checkout: a second one waits, then ends skipped (never failed: the gap is not to blame).
  const lock = await deps.workspace.lock({ waitMs: deps.config.test.lock_wait_seconds * 1000 });
  try {
    run.base = { branch: await deps.workspace.currentBranch(), sha: await deps.workspace.headSha() };
    ending = lock.ok ? await runCycle(deps, options, run, model, touch) : { outcome: "skipped_policy", reason: lock.reason };
  } catch (error) {
    // An untrusted ledger is breakage whatever the phase: no call is made, and the gap is not to blame.
    ending = { outcome: error instanceof LedgerError ? "error" : run.failureOutcome(), reason: `unexpected error: ${(error as Error).message}` };
  } finally {
    try {
      if (touch.touched) await run.timed("restore", () => touch.restore());
    } finally {
      if (lock.ok) await lock.release();
    }
  }
  const record = run.finish(ending.outcome, ending.reason, deps.now());
  if (recorder.transcript.exchanges.length > 0) record.transcript = transcriptPath(cycleId);
  await saveCycle(deps.state, record, record.transcript ? recorder.transcript : null);
  deps.log.info(`cycle ${cycleId}: ${record.outcome}: ${record.reason}`);
  return record;
}

async function runCycle(
  deps: ProposeCycleDeps,
  options: ProposeCycleOptions,
  run: CycleState,
  model: ModelClient,
  touch: TouchedTree,
): Promise<Ending> {
  const { workspace, config, log } = deps;

  if (config.paused) return { outcome: "skipped_pause", reason: "paused: true in the configuration" };
  if ((await workspace.resolveInside(config.pause_file)).ok && (await workspace.readFile(config.pause_file)) !== undefined) {
    return { outcome: "skipped_pause", reason: `pause file ${config.pause_file} is present; remove it to resume` };
  }
  const dirty = await workspace.dirtyPaths(deps.ownPaths ?? []);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : "");
    return { outcome: "skipped_dirty_tree", reason: `uncommitted changes: ${shown}; commit or stash them first` };
  }

  // Gaps
  const prd = await workspace.readFile(config.prd.path);
  if (prd === undefined) return { outcome: "skipped_no_gap", reason: `no PRD at ${config.prd.path} (set prd.path in the configuration)` };
  let gaps = openGaps(findGaps(prd, { tag: config.prd.tag }));
  if (options.since) {
    const before = await workspace.readFileAt(options.since, config.prd.path);
    gaps = openGaps(gapsSince(before, prd, config.prd.tag));
  }
  if (options.gapId) {
    const wanted = options.gapId;
    gaps = gaps.filter((gap) => gap.id === wanted || gap.id.startsWith(wanted));
    if (gaps.length === 0) return { outcome: "skipped_no_gap", reason: `no open gap with id ${wanted} in ${config.prd.path}` };
  }
  if (gaps.length === 0) {
    const scope = options.since ? ` added or changed since ${options.since}` : "";
    return { outcome: "skipped_no_gap", reason: `no open ${config.prd.tag} gap${scope} in ${config.prd.path}` };
  }
  const events = await loadCycleEvents(deps.state);
  const gap = chooseGap(gaps, events, config.policy.give_up_after_failures);
  run.gap = gap;
  const prior = priorAttempts(events, gap.id);

  if (deps.publish) {
    const existing = await deps.publish.findExisting(gap);
    if (existing) return { outcome: "skipped_duplicate", reason: `an open PR already serves gap ${gap.id}: ${existing.url}` };
  }

  // Budget, before policy and before any model call.
  const testCommand = deps.testCommand ?? "";
  const baseRules = applyRules(config);
  run.timings.select_ms = run.elapsed();
  const prompt = await run.timed("context", () =>
    buildProposePrompt(workspace, {
      gap,
      config,
      protectedGlobs: baseRules.protectedGlobs,
      testCommand,
      prior,
      state: deps.state,
      ...(deps.embedder ? { embedder: budgetedEmbedder(deps.embedder, { state: deps.state, limits: deps.config.budget, now: deps.now }) } : {}),
      ...(config.context.localize === "model"
        ? { localize: (messages, paths) => run.timed("model", () => localizeFiles(model, messages, paths, { maxFiles: config.context.max_files, maxTokens: LOCALIZE_OUTPUT_TOKENS, temperature: 0 })) }
        : {}),
    }),
  );
  if (prompt.embeddings) {
    run.embeddings = prompt.embeddings;
    if (prompt.embeddings.fallback) log.info(`embeddings: ${prompt.embeddings.fallback}`);
  }
  if (prompt.localization) {
    const found = prompt.localization;
    run.localized = { files: found.files, model: found.model, tokens: found.tokens, ...(found.fallback ? { fallback: found.fallback } : {}) };
    log.info(found.ok ? `localize: ${found.files.map((file) => file.path).join(", ")} (${found.model})` : `localize: ${found.fallback}`);
  }
  const rules = { ...baseRules, partialPaths: prompt.partialPaths };
  const late = run.pastLocalDeadline(config.policy.local_deadline_seconds);
  if (late) return late;
  if (prompt.withheld.length > 0) {
    const shown = prompt.withheld.slice(0, 5).map((file) => `${file.path} (${file.reason})`).join(", ");
    log.info(`context: ${prompt.withheld.length} file(s) kept out of the prompt as holding secrets: ${shown}${prompt.withheld.length > 5 ? ", …" : ""}`);
  }
  const estimate = estimateRequestTokens({ purpose: "propose", messages: prompt.messages, maxTokens: config.models.max_output_tokens });
  const day = utcDay(deps.now());
  const budgetCheck = reserve(parseLedger(await deps.state.read(ledgerPath(day)), day), estimate, config.budget);
  if (!budgetCheck.ok && !deps.model.free) return { outcome: "skipped_cost", reason: budgetCheck.reason };

  // Policy
  const policy = shouldRunCycle(priorAttempts(events, gap.id, Infinity), config.policy.give_up_after_failures);
  if (!policy.ok) return { outcome: "skipped_policy", reason: `gap ${gap.id}: ${policy.reason}` };
  if (!deps.testCommand) {
    return { outcome: "skipped_policy", reason: "no test command: set test.command in the configuration (none could be detected)" };
  }
  const check = checkOptions(deps, testCommand);
  if (config.test.baseline) {
    await touch.beforeWrite();
    const baseline = await run.timed("baseline", () => log.group(`baseline tests: ${testCommand}`, () => baselineCheck(workspace, deps.state, { ...check, now: deps.now })));
    if (baseline.run) await run.timed("restore", () => touch.restore());
    if (!baseline.ok) {
      run.test = baseline.run;
      return { outcome: "skipped_policy", reason: baseline.reason };
    }
  }

  // Propose → apply → test, with repair rounds while attempts remain.
  run.phase = "model";
  let answer = await run.timed("model", () => askForProposal(model, prompt.messages, askOptions(config, "propose")));
  let lastTest: TestRun | null = null;
  for (let attempt = 1; ; attempt += 1) {
    run.attempts = attempt;
    if (!answer.ok) {
      run.model = answer.model ?? run.model;
      if (answer.kind === "budget") {
        if (attempt > 1) return testsFailed(lastTest, `no budget left for a repair round: ${answer.reason}`);
        // A call was made and its answer was unusable; the budget only refused the repair request.
        if (run.calls > 0) return { outcome: "model_failed", reason: `the model's answer was unusable and no budget is left for the repair request: ${answer.reason}` };
        return { outcome: "skipped_cost", reason: answer.reason };
      }
      return { outcome: "model_failed", reason: answer.reason };
    }
    run.model = answer.model;
    run.summary = answer.proposal.summary;
    log.info(`attempt ${attempt}: ${answer.proposal.summary} (${answer.proposal.files.length} files, ${answer.model})`);

    run.phase = "apply";
    await touch.beforeWrite();
    const proposal = answer.proposal;
    const applied = await run.timed("apply", () => applyProposal(workspace, proposal, rules, true));
    run.files = applied.files;
    touch.wrote(applied.files);
    for (const file of applied.files) {
      if (file.tolerant_edits) log.info(`${file.path}: edits ${file.tolerant_edits.join(", ")} matched ignoring whitespace differences`);
    }
    if (!applied.ok) return { outcome: applied.outcome, reason: applied.reason };
    const slow = run.pastLocalDeadline(config.policy.local_deadline_seconds);
    if (slow) return slow;
    if (applied.files.every((file) => file.mode === "NOOP")) {
      return { outcome: "cycle_noop", reason: "every proposed file is identical to the current content" };
    }

    run.phase = "test";
    lastTest = await run.timed("tests", () => log.group(`tests: ${testCommand}`, () => runCheck(workspace, check)));
    run.test = lastTest;
    if (lastTest.gitChanges?.length) {
      return { outcome: "proposal_rejected", reason: `the tests changed the git directory or prd-bot's state (put back): ${lastTest.gitChanges.join(", ")}` };
    }
    if (lastTest.passed) return finishGreen(deps, options, run, gap, answer.proposal, applied.files, lastTest);

    await run.timed("restore", () => touch.restore());
    if (attempt >= config.policy.max_attempts) return testsFailed(lastTest, `still red after ${attempt} attempt(s)`);
    run.phase = "model";
    const repair = renderTemplate("repair-tests", {
      test_command: testCommand,
      exit_code: lastTest.exit_code ?? "none",
      timed_out: lastTest.timed_out ? `, timed out after ${config.test.timeout_seconds} s` : "",
      test_output: lastTest.output_tail.slice(-6000),
    });
    const conversation = [...answer.conversation, { role: "user" as const, content: repair }];
    answer = await run.timed("model", () => askForProposal(model, conversation, askOptions(config, "repair_tests")));
  }
}

async function finishGreen(
  deps: ProposeCycleDeps,
  options: ProposeCycleOptions,
  run: CycleState,
  gap: Gap,
  proposal: Proposal,
  files: PlannedFile[],
  test: TestRun,
): Promise<Ending> {
  if (options.dryRun) return { outcome: "ok", reason: "dry run: tests green; nothing committed" };
  const late = run.pastLocalDeadline(deps.config.policy.local_deadline_seconds);
  if (late) return late;
  run.phase = "publish";
  const branch = `prd-bot/${gap.id}`;
  const written = files.filter((file) => file.mode !== "NOOP").map((file) => file.path);
  const title = renderPrTitle(proposal.summary, gap.id);
  const message = `${title}\n\nPRD gap ${gap.id}: ${gap.text}\n\nprd-bot cycle ${run.cycleId}`;
  const commit = await run.timed("commit", () => deps.workspace.commitToBranch(branch, written, message));
  run.branch = branch;
  run.commit = commit;
  const body = renderPrBody({
    gap,
    prdPath: deps.config.prd.path,
    summary: proposal.summary,
    rationale: proposal.rationale,
    files: files.map((file) => ({ path: file.path, mode: file.mode })),
    test,
    model: run.model ?? "unknown",
    tokens: run.tokens,
    cycleId: run.cycleId,
    recordUrl: deps.publish?.recordUrl?.(run.cycleId),
  });
  run.prBody = body;
  if (!deps.publish) return { outcome: "ok", reason: `tests green; committed ${commit.slice(0, 12)} on local branch ${branch}` };
  const publisher = deps.publish;
  const published = await run.timed("publish", () => publisher.publish({ gap, branch, commit, title, body }));
  if (!published.ok) return { outcome: published.outcome, reason: published.reason };
  run.prUrl = published.url;
  return { outcome: "ok", reason: `draft PR opened: ${published.url}` };
}

/** The check step's options: the repository's test settings, no provider key, the state dir protected. */
function checkOptions(deps: ProposeCycleDeps, command: string): RunCheckOptions {
  const { config } = deps;
  return { command, timeoutMs: config.test.timeout_seconds * 1000, test: config.test, secretEnv: providerKeyNames(config), protect: deps.ownPaths, log: deps.log };
}

function testsFailed(test: TestRun | null, why: string): Ending {
  if (!test) return { outcome: "tests_failed", reason: why };
  const how = test.timed_out ? "timed out" : `exited ${test.exit_code}`;
  return { outcome: "tests_failed", reason: `${test.command} ${how}; ${why}` };
}

/** The first open gap that policy has not given up on; when all are given up, the first (policy will say why). */
function chooseGap(gaps: Gap[], events: CycleEvent[], giveUpAfter: number): Gap {
  const first = gaps[0] as Gap;
  return gaps.find((gap) => shouldRunCycle(priorAttempts(events, gap.id, Infinity), giveUpAfter).ok) ?? first;
}

export function applyRules(config: Config): ApplyRules {
  const protectedGlobs = [...new Set([...config.paths.protected, ...config.paths.extra_protected, config.prd.path, config.pause_file])];
  return { policy: config.policy, protectedGlobs, prdPath: config.prd.path };
}

/** The localization answer is a short list of paths. */
const LOCALIZE_OUTPUT_TOKENS = 1000;

/** One client for the cycle: `localize` calls go to the localization chain, the rest to the proposal chain. */
function routeLocalize(model: ModelClient, localize: ModelClient | undefined): ModelClient {
  if (!localize) return model;
  return {
    ...model,
    models: model.models,
    chat: (request, options) => (request.purpose === "localize" || request.purpose.startsWith("localize:") ? localize : model).chat(request, options),
  };
}

function askOptions(config: Config, purpose: string) {
  return { purpose, maxTokens: config.models.max_output_tokens, temperature: config.models.temperature };
}

function newCycleId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}
