import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  runApply
} from "./chunk-CEZO7QYT.js";
import "./chunk-WKVJPJSK.js";
import {
  UsageError,
  parseCommandArgs
} from "./chunk-2L4EODOS.js";
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
  openLocal,
  resolveModelChain
} from "./chunk-VEPGM2LT.js";
import {
  execGit
} from "./chunk-ODAENZB3.js";
import "./chunk-L2TXTNVD.js";
import "./chunk-R5CBLZOG.js";
import "./chunk-CI6V2LSR.js";
import "./chunk-XKPJ2TN5.js";
import "./chunk-MNAF46MU.js";
import "./chunk-RNEIYMXO.js";
import "./chunk-O3YUUCCS.js";
import "./chunk-7NIWIZEQ.js";
import "./chunk-2IUJ6AXQ.js";
import "./chunk-VFFGMFW5.js";
import "./chunk-4TII4YUW.js";

// src/adapters/workspace/default-branch.ts
async function localDefaultBranch(root) {
  const origin = await execGit(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], { okCodes: [1, 128] });
  if (origin.code === 0) return origin.stdout.trim().replace(/^refs\/remotes\/origin\//, "");
  for (const name of ["main", "master"]) {
    const found = await execGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${name}`], { okCodes: [1] });
    if (found.code === 0) return name;
  }
  return void 0;
}

// src/cli/commands/apply.ts
var APPLY_HELP = `Usage: prd-bot apply [--base REF --head REF] [--commit] [--json] [options]

Turn high-confidence review findings (the review records of this checkout's HEAD) into tiny patches:
ask models.patch for at most apply.max_patches search/replace patches per file, gate each (confidence,
match, size, count, protected, noop), apply them, and run the check command (apply.check_command, else
the test command). A dry run unless --commit: green files are reported as dry_run_committed and put
back. With --commit, green files are committed one by one on the current branch; on the default branch a
working branch prd-bot/apply-<short sha> is created first. Red files are always restored. The
checkout is left clean. Every action is one line in auto_apply.jsonl.

Options:
  --root DIR            the checkout (default: the current directory)
  --head REF            the reviewed head (default: HEAD; the checkout must be at it)
  --base REF            only records reviewed against this base
  --commit              commit green files (default: dry run)
  --config FILE         configuration file relative to the root (default: .github/prd-bot.yml)
  --model NAME          use this model ([provider/]model) instead of models.patch
  --check-command CMD   run CMD after each file's patches instead of apply.check_command / tests
  --state-dir DIR       where records live (default: <git dir>/prd-bot; also PRD_BOT_STATE_DIR)
  --json                print {branch, head_sha, files: [{path, action, applied, rejected, commit}], skipped, tokens}
  -h, --help            this help

Exit codes: 0 the run finished (whatever each file's action); 3 no review records for the head (run
the review first) or the tree is dirty; 2 bad usage or configuration; 1 something broke.`;
async function applyCommand(argv, io) {
  const { values } = parseCommandArgs("apply", argv, {
    root: { type: "string" },
    head: { type: "string" },
    base: { type: "string" },
    commit: { type: "boolean" },
    config: { type: "string" },
    model: { type: "string" },
    "check-command": { type: "string" },
    "state-dir": { type: "string" },
    json: { type: "boolean" }
  });
  if (values.help) {
    io.out(APPLY_HELP);
    return 0;
  }
  const local = await openLocal({ root: values.root ?? io.cwd, config: values.config, stateDir: values["state-dir"], env: io.env });
  const { workspace } = local;
  const headSha = await workspace.headSha();
  const resolve = async (flag, ref) => {
    const found = await execGit(workspace.root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { okCodes: [1] });
    if (found.code !== 0) throw new UsageError(`--${flag} ${ref}: no such revision in ${workspace.root}`);
    return found.stdout.trim();
  };
  if (values.head && await resolve("head", values.head) !== headSha) {
    throw new UsageError(`--head ${values.head} is not the checked-out commit ${headSha.slice(0, 12)}: check it out first (patches are applied and checked in the working tree)`);
  }
  const baseSha = values.base ? await resolve("base", values.base) : void 0;
  const fail = (reason) => {
    io.out(values.json ? JSON.stringify({ ok: false, reason, branch: null, head_sha: headSha, files: [] }) : `prd-bot apply: ${reason}`);
    return 3;
  };
  const dirty = await workspace.dirtyPaths(local.ownPaths);
  if (dirty.length > 0) return fail(`uncommitted changes (${dirty.slice(0, 5).join(", ")}): commit or stash them first`);
  const config = structuredClone(local.config);
  if (values.model) config.models.patch = [values.model];
  const checkCommand = values["check-command"] ?? config.apply.check_command ?? local.testCommand;
  const chain = resolveModelChain(config, io.env, { task: "patch", file: local.configFile, fileFound: local.configFound, override: "--model (not given)" });
  const model = createOpenAIModelClient(chain, { maxAnswerBytes: config.models.max_answer_bytes });
  await initParsers();
  let branch = await workspace.currentBranch();
  if (values.commit && (branch === null || branch === await localDefaultBranch(workspace.root))) {
    branch = `prd-bot/apply-${headSha.slice(0, 7)}`;
    await workspace.checkoutNewBranch(branch);
    io.log.info(`working branch ${branch}`);
  }
  const result = await runApply(
    {
      config,
      model,
      state: local.state,
      log: io.log,
      now: io.now,
      read: (path) => workspace.readFile(path),
      workspace,
      checkCommand,
      protectedGlobs: applyRules(config).protectedGlobs,
      ownPaths: local.ownPaths
    },
    { headSha, baseSha, mode: values.commit ? "commit" : "dry_run" }
  );
  if (!result.ok) return fail(result.reason);
  const files = result.files.map((file) => ({
    path: file.path,
    action: file.action,
    reason: file.reason,
    applied: file.applied.map((patch) => ({ rationale: patch.rationale, confidence: patch.confidence, tolerant: patch.tolerant })),
    rejected: file.rejected.map((entry) => ({ gate: entry.gate, reason: entry.reason })),
    commit: file.commit,
    ...file.check ? { check: { exit_code: file.check.exit_code, timed_out: file.check.timed_out, output_tail: file.check.output_tail.slice(-2e3) } } : {}
  }));
  if (values.json) {
    io.out(JSON.stringify({ ok: true, branch, head_sha: headSha, dry_run: !values.commit, files, skipped: result.skipped, tokens: result.tokens }));
  } else {
    const lines = files.map((file) => `  ${file.action.padEnd(18)} ${file.path}: ${file.reason}`);
    const skipped = result.skipped.map((file) => `  ${"skipped".padEnd(18)} ${file.path}: ${file.reason}`);
    io.out([`prd-bot apply on ${branch ?? "detached HEAD"} (${values.commit ? "commit" : "dry run"}):`, ...lines, ...skipped, `tokens: ${result.tokens.prompt} prompt + ${result.tokens.completion} completion`].join("\n"));
  }
  return 0;
}
export {
  APPLY_HELP,
  applyCommand
};
