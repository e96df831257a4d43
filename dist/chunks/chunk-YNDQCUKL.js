import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  PR_MARKER,
  proposeCycle,
  shouldRunCycle,
  withIssueGap
} from "./chunk-BLP4DUNT.js";
import {
  findGaps,
  gapsSince,
  openGaps
} from "./chunk-KH5HBYDN.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import {
  loadCycleEvents,
  priorAttempts
} from "./chunk-BYGMBUYC.js";
import {
  createOpenAIModelClient,
  detectWorkspaceTestCommand,
  proposeEmbedderFor,
  resolveModelChain
} from "./chunk-VEPGM2LT.js";
import {
  redactUrls
} from "./chunk-ODAENZB3.js";
import {
  redactSecrets
} from "./chunk-L2TXTNVD.js";
import {
  StateConflictError
} from "./chunk-R5CBLZOG.js";
import {
  VERSION
} from "./chunk-ART3RKJ5.js";
import {
  PushRejectedError
} from "./chunk-CI6V2LSR.js";
import {
  ledgerPath,
  parseLedger,
  utcDay
} from "./chunk-7NIWIZEQ.js";

// src/adapters/state/branch-store.ts
import { isAbsolute, resolve } from "node:path";

// src/adapters/state/branch-store-error.ts
var BranchStoreError = class extends Error {
  constructor(message, branch) {
    super(message);
    this.branch = branch;
    this.name = "BranchStoreError";
  }
  branch;
};

// src/adapters/state/state-path.ts
function checkStatePath(path2, what = "state path") {
  const problem = pathProblem(path2);
  if (problem) {
    throw new Error(`Invalid ${what} ${JSON.stringify(path2)}: ${problem}. Use a relative path such as "cycles/<id>.json".`);
  }
  return path2;
}
function pathProblem(path2) {
  if (typeof path2 !== "string" || path2.length === 0) return "it is empty";
  if (path2.startsWith("/")) return "it is absolute";
  if (path2.endsWith("/")) return "it names a directory, not a file";
  if (/[\0\n\r\\]/.test(path2)) return "it contains a NUL, newline or backslash";
  for (const segment of path2.split("/")) {
    if (segment === "") return "it contains an empty segment (//)";
    if (segment === "." || segment === "..") return "it contains . or .. segments";
    if (segment.toLowerCase() === ".git") return "it contains a .git segment";
  }
  return void 0;
}
function directoryPrefix(dir) {
  const trimmed = dir.replace(/\/+$/, "");
  if (trimmed === "" || trimmed === ".") return "";
  checkStatePath(trimmed, "state directory");
  return `${trimmed}/`;
}
function stateCommitMessage(paths, maxInSubject = 4) {
  const sorted = [...paths].sort();
  const shown = sorted.slice(0, maxInSubject).join(", ");
  const more = sorted.length > maxInSubject ? ` and ${sorted.length - maxInSubject} more` : "";
  const subject = `prd-bot state: ${shown}${more}`;
  return sorted.length > maxInSubject ? `${subject}

${sorted.map((path2) => `- ${path2}`).join("\n")}
` : `${subject}
`;
}

// src/adapters/state/buffered-tx.ts
var BufferedTx = class {
  constructor(readBase) {
    this.readBase = readBase;
  }
  readBase;
  changes = /* @__PURE__ */ new Map();
  baseReads = /* @__PURE__ */ new Map();
  closed = false;
  async read(path2) {
    checkStatePath(path2);
    const change = this.changes.get(path2);
    if (change === void 0) return this.base(path2);
    const base = change.replaced ?? await this.base(path2);
    return change.appended.length === 0 ? base : joinLines(base, change.appended);
  }
  write(path2, content) {
    this.checkOpen("write", path2);
    checkStatePath(path2);
    if (typeof content !== "string") throw new TypeError(`State write to ${path2}: content must be a string (serialize it with JSON.stringify first), got ${typeof content}`);
    this.changes.set(path2, { replaced: content, appended: [] });
  }
  append(path2, line) {
    this.checkOpen("append", path2);
    checkStatePath(path2);
    if (typeof line !== "string") throw new TypeError(`State append to ${path2}: the line must be a string, got ${typeof line}`);
    if (/[\r\n]/.test(line)) throw new Error(`State append to ${path2}: the line contains a line break; append one JSON value per call (JSON.stringify never emits raw newlines)`);
    const change = this.changes.get(path2) ?? { replaced: void 0, appended: [] };
    change.appended.push(line);
    this.changes.set(path2, change);
  }
  /** No more writes: a write after `fn` returned would silently be lost otherwise. */
  close() {
    this.closed = true;
  }
  /** Final content of every changed path. */
  async changedFiles() {
    const files = /* @__PURE__ */ new Map();
    for (const [path2, change] of this.changes) {
      const base = change.replaced ?? await this.base(path2);
      files.set(path2, change.appended.length === 0 ? base ?? "" : joinLines(base, change.appended));
    }
    return files;
  }
  base(path2) {
    let pending = this.baseReads.get(path2);
    if (pending === void 0) {
      pending = this.readBase(path2);
      this.baseReads.set(path2, pending);
    }
    return pending;
  }
  checkOpen(operation, path2) {
    if (this.closed) throw new Error(`State ${operation} to ${path2} after the transaction finished; do every write inside the transact callback and await it`);
  }
};
function joinLines(base, lines) {
  const head = base === void 0 || base === "" || base.endsWith("\n") ? base ?? "" : `${base}
`;
  return head + lines.map((line) => `${line}
`).join("");
}

// src/adapters/state/redact-credentials.ts
function createRedactor(remoteUrl) {
  const secrets = /* @__PURE__ */ new Set();
  try {
    const url = new URL(remoteUrl);
    for (const part of [url.password, url.username]) {
      if (part.length >= 4) {
        secrets.add(part);
        secrets.add(safeDecode(part));
      }
    }
  } catch {
  }
  return (text) => redactSecrets(redactUrls(text), [...secrets]);
}
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// src/adapters/state/scratch-repo.ts
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";

// src/adapters/state/classify-push-failure.ts
var CONFLICT_REASONS = [
  /\bnon-fast-forward\b/i,
  /\bfetch first\b/i,
  /\bstale info\b/i,
  /\bcannot lock ref\b/i,
  /\bfailed to lock\b/i,
  /\bfailed to update ref\b/i,
  /\bincorrect old value\b/i,
  /\bis at [0-9a-f]{7,} but expected\b/i,
  /\breference already exists\b/i,
  /\bremote contains work that you do\s+not have\b/i
];
function classifyPushFailure(stdout, stderr) {
  const statusLine = stdout.split("\n").find((line) => line.startsWith("!	"));
  const status = statusLine ? (statusLine.split("	")[2] ?? "").trim() : "";
  const remoteLines = stderr.split("\n").filter((line) => line.startsWith("remote:")).map((line) => line.slice("remote:".length).trim()).filter((line) => line.length > 0);
  const fatal = stderr.split("\n").filter((line) => /^(fatal|error):/.test(line) && !/failed to push some refs/.test(line)).map((line) => line.trim());
  const evidence = status || fatal.join(" ");
  if (CONFLICT_REASONS.some((pattern) => pattern.test(evidence))) {
    return { kind: "conflict", reason: evidence };
  }
  const parts = [status, ...fatal, ...remoteLines.map((line) => `remote says: ${line}`)].filter((part) => part.length > 0);
  return { kind: "refused", reason: parts.length > 0 ? parts.join("; ") : stderr.trim() || "git push failed without a message" };
}

// src/adapters/state/fast-import-script.ts
function fastImportScript(commit) {
  const identity = `${commit.author.name} <${commit.author.email}> ${commit.time} +0000`;
  const lines = [
    `commit ${commit.ref}`,
    "mark :1",
    `author ${identity}`,
    `committer ${identity}`,
    data(commit.message),
    ...commit.parent === void 0 ? [] : [`from ${commit.parent}`]
  ];
  for (const [path2, content] of commit.files) {
    lines.push(`M 100644 inline ${quotePath(path2)}`, data(content));
  }
  lines.push("get-mark :1", "done", "");
  return lines.join("\n");
}
function data(text) {
  return `data ${Buffer.byteLength(text, "utf8")}
${text}`;
}
function quotePath(path2) {
  return `"${path2.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

// src/adapters/state/path-conflicts.ts
function pathsToInspect(paths) {
  const wanted = /* @__PURE__ */ new Set();
  for (const path2 of paths) {
    wanted.add(path2);
    const segments = path2.split("/");
    for (let end = 1; end < segments.length; end++) wanted.add(segments.slice(0, end).join("/"));
  }
  return [...wanted];
}
function findPathConflicts(paths, types) {
  const problems = [];
  const written = new Set(paths);
  for (const path2 of paths) {
    if (types.get(path2) === "tree") problems.push(`${path2} is a directory on the state branch`);
    const segments = path2.split("/");
    for (let end = 1; end < segments.length; end++) {
      const parent = segments.slice(0, end).join("/");
      if (types.get(parent) === "blob") problems.push(`${parent} is a file on the state branch, so ${path2} cannot be created under it`);
      if (written.has(parent)) problems.push(`${parent} and ${path2} are both written in this transaction`);
    }
  }
  return problems;
}

// src/adapters/state/run-git.ts
import { spawn } from "node:child_process";
var INHERITED_GIT_VARS = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|AUTHOR_\w+|COMMITTER_\w+|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|CONFIG)$/;
function gitEnvironment(base, gitDir, extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== void 0 && !INHERITED_GIT_VARS.test(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_DIR: gitDir,
    // A bad credential must fail, not wait on a prompt nobody will answer.
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    // Messages are parsed (push rejections, missing branch), so keep them in English.
    LC_ALL: "C",
    LANGUAGE: "C",
    ...extra
  };
}
function runGit(args, options) {
  return new Promise((resolve2, reject) => {
    const child = spawn("git", args, {
      cwd: options.gitDir,
      env: gitEnvironment(process.env, options.gitDir, options.env),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 12e4
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => {
      reject(error.code === "ENOENT" ? new Error("git was not found on PATH; the state-branch store needs the git command-line tool installed") : error);
    });
    child.on("close", (code, signal) => {
      const stderr = Buffer.concat(err).toString("utf8") + (signal ? `
(git was stopped by ${signal}, probably after ${options.timeoutMs ?? 12e4} ms without finishing)` : "");
      resolve2({ code, stdout: Buffer.concat(out), stderr });
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}

// src/adapters/state/scratch-repo.ts
var REMOTE = "state";
var OBJECT_HEADER = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/;
function openScratchRepo(options) {
  const gitDir = join(options.workDir, "state.git");
  const trackingRef = `refs/remotes/${REMOTE}/${options.branch}`;
  const config = [
    // Passed through the environment, not argv or a file, so the URL's token never shows in `ps`
    // and never lands on disk.
    [`remote.${REMOTE}.url`, options.remoteUrl],
    // Hooks from a global core.hooksPath must not run on the bot's private repository.
    ["core.hooksPath", join(gitDir, "no-hooks")],
    ["gc.auto", "0"],
    ["maintenance.auto", "false"]
  ];
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(options.remoteUrl)) config.push(["credential.helper", ""]);
  const env = {
    GIT_CONFIG_COUNT: String(config.length),
    // Record paths are names, never patterns (ls-tree would treat "*" as a wildcard).
    GIT_LITERAL_PATHSPECS: "1",
    GIT_ASKPASS: "",
    SSH_ASKPASS: ""
  };
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  const git = (args, extra = {}) => runGit(args, { gitDir, env: { ...env, ...extra.env }, ...extra.input === void 0 ? {} : { input: extra.input } });
  const must = async (args, extra = {}) => {
    const result = await git(args, extra);
    if (result.code !== 0) {
      throw new BranchStoreError(`git ${args[0]} failed in the scratch repository ${gitDir} for ${options.where}: ${options.redact(result.stderr.trim())}`, options.branch);
    }
    return result.stdout.toString("utf8");
  };
  const scratchRefs = /* @__PURE__ */ new Map();
  let ready;
  const init = () => ready ??= (async () => {
    await mkdir(options.workDir, { recursive: true });
    const exists = await access(join(gitDir, "HEAD")).then(() => true, () => false);
    if (!exists) {
      const result = await runGit(["init", "--bare", "--quiet", "--template=", gitDir], { gitDir: options.workDir, env: { ...env, GIT_DIR: gitDir } });
      if (result.code !== 0) throw new BranchStoreError(`Could not create the scratch repository ${gitDir}: ${result.stderr.trim()}. Check that workDir is writable.`, options.branch);
    }
    const refCheck = await git(["check-ref-format", `refs/heads/${options.branch}`]);
    if (refCheck.code !== 0) {
      throw new BranchStoreError(`Invalid state branch name ${JSON.stringify(options.branch)}: git does not accept it as a branch name. Use a name such as "prd-bot/state".`, options.branch);
    }
    await must(["config", "user.name", options.author.name]);
    await must(["config", "user.email", options.author.email]);
  })().catch((error) => {
    ready = void 0;
    throw error;
  });
  return {
    async fetchTip() {
      await init();
      const fetched = await git(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", REMOTE, `+refs/heads/${options.branch}:${trackingRef}`]);
      if (fetched.code !== 0) {
        if (/couldn't find remote ref/i.test(fetched.stderr)) {
          await git(["update-ref", "-d", trackingRef]);
          return void 0;
        }
        throw new BranchStoreError(
          `Could not fetch ${options.where}: ${options.redact(fetched.stderr.trim())}. Check the remote URL and that its credentials may read the repository.`,
          options.branch
        );
      }
      return (await must(["rev-parse", "--verify", "--quiet", `${trackingRef}^{commit}`])).trim();
    },
    async readFile(commit, path2) {
      const result = await git(["cat-file", "--batch"], { input: `${commit}:${path2}
` });
      if (result.code !== 0) throw new BranchStoreError(`Could not read ${path2} from ${options.where}: ${result.stderr.trim()}`, options.branch);
      const out = result.stdout;
      const headerEnd = out.indexOf(10);
      const header = OBJECT_HEADER.exec(out.subarray(0, headerEnd).toString("utf8"));
      if (header?.[2] !== "blob") return void 0;
      return out.subarray(headerEnd + 1, headerEnd + 1 + Number(header[3])).toString("utf8");
    },
    async listFiles(commit, prefix) {
      const out = await must(["ls-tree", "-z", commit, ...prefix === "" ? [] : ["--", prefix]]);
      return out.split("\0").filter((entry) => entry.length > 0).map((entry) => {
        const tab = entry.indexOf("	");
        return { type: entry.slice(0, tab).split(" ")[1], path: entry.slice(tab + 1) };
      }).filter((entry) => entry.type === "blob" && entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes("/")).map((entry) => entry.path).sort();
    },
    async commitFiles(parent, files, message) {
      await init();
      if (parent !== void 0) {
        const existing = await inspect(parent, pathsToInspect(files.keys()));
        const problems = findPathConflicts([...files.keys()], new Map([...existing].map(([path2, entry]) => [path2, entry.type])));
        if (problems.length > 0) {
          throw new BranchStoreError(
            `Cannot write ${[...files.keys()].join(", ")} to ${options.where}: ${problems.join("; ")}. A path cannot be both a file and a directory; choose another record path.`,
            options.branch
          );
        }
        if ([...files].every(([path2, content]) => existing.get(path2)?.sha === blobSha(content))) return void 0;
      }
      const ref = `refs/prd-bot-scratch/${process.pid}-${randomBytes(6).toString("hex")}`;
      const script = fastImportScript({ ref, parent, author: options.author, time: Math.floor(Date.now() / 1e3), message, files });
      const commit = (await must(["fast-import", "--quiet", "--done"], { input: script })).trim();
      scratchRefs.set(commit, ref);
      return commit;
    },
    async push(commit) {
      const result = await git(["push", "--porcelain", "--no-verify", "--no-signed", REMOTE, `${commit}:refs/heads/${options.branch}`]);
      await dropScratchRef(commit);
      if (result.code === 0) return "ok";
      const failure = classifyPushFailure(result.stdout.toString("utf8"), result.stderr);
      return { kind: failure.kind, reason: options.redact(failure.reason) };
    }
  };
  async function inspect(commit, paths) {
    const out = await must(["cat-file", "--batch-check"], { input: paths.map((path2) => `${commit}:${path2}
`).join("") });
    const found = /* @__PURE__ */ new Map();
    out.split("\n").forEach((line, index) => {
      const header = OBJECT_HEADER.exec(line);
      const path2 = paths[index];
      if (path2 !== void 0 && header?.[1] !== void 0 && header[2] !== void 0) found.set(path2, { sha: header[1], type: header[2] });
    });
    return found;
  }
  async function dropScratchRef(commit) {
    const ref = scratchRefs.get(commit);
    if (ref === void 0) return;
    scratchRefs.delete(commit);
    await git(["update-ref", "-d", ref]);
  }
}
function blobSha(content) {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

// src/adapters/state/branch-store.ts
var DEFAULT_STATE_BRANCH = "prd-bot/state";
var DEFAULT_AUTHOR = { name: "prd-bot", email: "prd-bot@users.noreply.github.com" };
function createBranchStore(options) {
  if (typeof options.remoteUrl !== "string" || options.remoteUrl.trim() === "") {
    throw new Error("createBranchStore: remoteUrl is empty; pass the repository's clone URL or the path of a bare repository");
  }
  if (typeof options.workDir !== "string" || options.workDir.trim() === "") {
    throw new Error("createBranchStore: workDir is empty; pass a private scratch directory the store may own");
  }
  const maxRetries = options.maxRetries ?? 20;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new Error(`createBranchStore: maxRetries must be a whole number >= 0, got ${String(options.maxRetries)}`);
  }
  const author = options.author ?? DEFAULT_AUTHOR;
  if (![author.name, author.email].every((part) => typeof part === "string" && part.trim() !== "" && !/[<>\n\r]/.test(part))) {
    throw new Error("createBranchStore: author needs a non-empty name and email without <, > or line breaks");
  }
  const branch = options.branch ?? DEFAULT_STATE_BRANCH;
  const redact = createRedactor(options.remoteUrl);
  const remoteUrl = isUrlLike(options.remoteUrl) ? options.remoteUrl : resolve(options.remoteUrl);
  const where = `state branch "${branch}" of ${redact(remoteUrl)}`;
  const repo = openScratchRepo({
    remoteUrl,
    branch,
    workDir: isAbsolute(options.workDir) ? options.workDir : resolve(options.workDir),
    author,
    redact,
    where
  });
  const readCacheMs = options.readCacheMs ?? 1e3;
  let fetchQueue = Promise.resolve();
  let cached;
  const remember = (tip, at) => {
    if (cached === void 0 || at >= cached.at) cached = { tip, at };
  };
  const fetchFresh = () => {
    const run = fetchQueue.then(async () => {
      const at = Date.now();
      const tip = await repo.fetchTip();
      remember(tip, at);
      return tip;
    });
    fetchQueue = run.catch(() => void 0);
    return run;
  };
  const tipForReading = () => cached !== void 0 && Date.now() - cached.at < readCacheMs ? Promise.resolve(cached.tip) : fetchFresh();
  return {
    description: where,
    async read(path2) {
      const tx = new BufferedTx(async (p) => {
        const tip = await tipForReading();
        return tip === void 0 ? void 0 : repo.readFile(tip, p);
      });
      return tx.read(path2);
    },
    async list(dir) {
      const prefix = directoryPrefix(dir);
      const tip = await tipForReading();
      return tip === void 0 ? [] : repo.listFiles(tip, prefix);
    },
    async transact(fn) {
      let lastReason = "";
      for (let attempt = 0; ; attempt++) {
        const attemptStarted = Date.now();
        const tip = await fetchFresh();
        const tx = new BufferedTx((path2) => tip === void 0 ? Promise.resolve(void 0) : repo.readFile(tip, path2));
        let result;
        try {
          result = await fn(tx);
        } finally {
          tx.close();
        }
        const files = await tx.changedFiles();
        if (files.size === 0) return result;
        const commit = await repo.commitFiles(tip, files, stateCommitMessage([...files.keys()]));
        if (commit === void 0) return result;
        const pushed = await repo.push(commit);
        if (pushed === "ok") {
          remember(commit, Date.now());
          return result;
        }
        if (pushed.kind === "refused") {
          throw new BranchStoreError(
            `The remote refused the push to ${where} (${pushed.reason}). This is not a conflict, so it was not retried: check the token's write permission, branch protection rules and server hooks for this branch.`,
            branch
          );
        }
        lastReason = pushed.reason;
        if (attempt >= maxRetries) {
          throw new StateConflictError(
            `Could not write ${[...files.keys()].join(", ")} to ${where}: other writers moved the branch ${attempt + 1} times in a row (last: ${lastReason}). Try again later, or raise maxRetries (now ${maxRetries}).`
          );
        }
        await sleep(backoffMs(attempt, Date.now() - attemptStarted));
      }
    }
  };
}
function backoffMs(attempt, attemptMs, random = Math.random) {
  const unit = Math.min(Math.max(attemptMs, 20), 2e3);
  return random() * Math.min(Math.max(1e3, unit * 8), unit * 2 ** attempt);
}
function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
function isUrlLike(remote) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/\\]+@[^/\\:]+:/.test(remote);
}

// src/wiring/forge-cycles.ts
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";

// src/jobs/propose/publish-draft-pr.ts
var PR_LABEL = "prd-bot";
function createDraftPrPublisher(forge, workspace, options) {
  const publisher = {
    async findExisting(gap) {
      const branch = `prd-bot/${gap.id}`;
      const open = await forge.listOpenPullRequests({ label: PR_LABEL });
      const match = open.find((pr) => pr.head === branch || pr.body.includes(`${PR_MARKER}${gap.id} -->`));
      return match ? { url: match.url } : void 0;
    },
    async publish({ branch, title, body }) {
      if (!options.openPr) {
        return { ok: false, outcome: "pr_skipped_by_policy", reason: `policy.open_pr is false: ${branch} stays local` };
      }
      const remote = forge.gitRemote();
      try {
        await workspace.push(remote, branch);
      } catch (error) {
        const why = error instanceof PushRejectedError ? `${error.message}; delete the remote branch ${branch} or let its PR finish` : error.message;
        return { ok: false, outcome: "pr_failed", reason: why };
      }
      try {
        const pr = await forge.openDraftPullRequest({ head: branch, base: options.base, title, body, labels: [PR_LABEL] });
        return { ok: true, url: pr.url };
      } catch (error) {
        const cleanup = await workspace.deleteRemoteBranch(remote, branch).then(
          () => `the pushed branch ${branch} was deleted again`,
          (deleteError) => `and deleting the pushed branch failed too: ${deleteError.message}`
        );
        return { ok: false, outcome: "pr_failed", reason: `opening the draft PR failed: ${error.message}; ${cleanup}` };
      }
    }
  };
  if (options.recordUrl) publisher.recordUrl = options.recordUrl;
  return publisher;
}

// src/jobs/propose/issue-workspace.ts
async function issueWorkspace(workspace, issue, prdPath, tag) {
  const overlay = withIssueGap(await workspace.readFile(prdPath), issue, tag);
  const gap = findGaps(overlay.text, { tag }).find((g) => g.line === overlay.line);
  if (!gap) {
    throw new Error(`issue #${issue.number} could not be read as a gap: its title or body makes the ${tag} item unreadable as Markdown; simplify them and label it again`);
  }
  const readFile = async (path2) => normalize(path2) === normalize(prdPath) ? overlay.text : workspace.readFile(path2);
  const wrapped = new Proxy(workspace, {
    get(target, property, receiver) {
      if (property === "readFile") return readFile;
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    }
  });
  return { workspace: wrapped, gap };
}
function normalize(path2) {
  return path2.replace(/^\.\//, "").replace(/\/+/g, "/");
}

// src/jobs/propose/run-cycles.ts
var CANDIDATE_LOOKUPS = 10;
async function runCycles(deps, request) {
  let cycleDeps = deps;
  let plan;
  if (request.issue) {
    const overlay = await issueWorkspace(deps.workspace, request.issue, deps.config.prd.path, deps.config.prd.tag);
    cycleDeps = { ...deps, workspace: overlay.workspace };
    plan = { gapIds: [overlay.gap.id], notes: [`issue #${request.issue.number} is gap ${overlay.gap.id}: ${overlay.gap.text.slice(0, 120)}`] };
  } else {
    plan = await planCycles(deps, request);
  }
  const records = [];
  for (const gapId of plan.gapIds) {
    const options = { dryRun: request.dryRun };
    if (gapId) options.gapId = gapId;
    else if (plan.since) options.since = plan.since;
    records.push(await proposeCycle(cycleDeps, options));
  }
  return { records, notes: plan.notes };
}
async function planCycles(deps, request) {
  const { workspace, config } = deps;
  if (request.gapId) return { gapIds: [request.gapId], notes: [] };
  const prd = await workspace.readFile(config.prd.path);
  if (prd === void 0) return { gapIds: [void 0], notes: [] };
  if (request.trigger === "push") {
    let gaps;
    if (request.since) {
      const before = await workspace.readFileAt(request.since, config.prd.path).catch((error) => {
        throw new Error(
          `the push's previous commit ${request.since} is not in the checkout, so prd-bot cannot tell which gaps the push added (${error.message}). Check out the full history: actions/checkout with fetch-depth: 0`
        );
      });
      gaps = openGaps(gapsSince(before, prd, config.prd.tag));
    } else {
      gaps = openGaps(findGaps(prd, { tag: config.prd.tag }));
    }
    if (gaps.length === 0) return { gapIds: [void 0], ...request.since ? { since: request.since } : {}, notes: [] };
    const chosen = gaps.slice(0, request.maxCycles);
    const notes = gaps.length > chosen.length ? [`${gaps.length} new open gaps; max-cycles ${request.maxCycles} runs the first ${chosen.length}, the rest wait for the schedule or a dispatch`] : [];
    return { gapIds: chosen.map((gap) => gap.id), notes };
  }
  const next = await nextGap(deps, openGaps(findGaps(prd, { tag: config.prd.tag })));
  return { gapIds: [next?.id], notes: next ? [] : ["every open gap looked at has an open PR or was given up on; proposeCycle explains the first"] };
}
async function nextGap(deps, gaps) {
  const events = await loadCycleEvents(deps.state);
  const giveUpAfter = deps.config.policy.give_up_after_failures;
  for (const gap of gaps.slice(0, CANDIDATE_LOOKUPS)) {
    if (!shouldRunCycle(priorAttempts(events, gap.id, Infinity), giveUpAfter).ok) continue;
    if (await deps.publish.findExisting(gap)) continue;
    return gap;
  }
  return void 0;
}

// src/adapters/forge/git-remote.ts
function gitRemoteFor(serverUrl, owner, repo, token) {
  const url = `${serverUrl.replace(/\/+$/, "")}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}.git`;
  const authHeader = `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  return { url, authHeader };
}
function basicCredentials(remote) {
  const encoded = /^Authorization:\s*Basic\s+(\S+)$/i.exec(remote.authHeader)?.[1];
  if (!encoded) return void 0;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return void 0;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1), encoded };
}
function secretsOf(token) {
  if (!token) return [];
  return [token, Buffer.from(`x-access-token:${token}`).toString("base64")];
}

// src/wiring/forge-cycles.ts
async function runForgeCycles(input) {
  const { forge, workspace, config, request, log } = input;
  const defaultBranch = input.defaultBranch ?? await forge.defaultBranch();
  const branch = await workspace.currentBranch();
  if (branch !== defaultBranch) {
    throw new Error(
      `cycles start from the default branch ${defaultBranch}, but the checkout is on ${branch ?? "a detached HEAD"}. Run the workflow on ${defaultBranch} (actions/checkout with ref: ${defaultBranch})`
    );
  }
  const model = createOpenAIModelClient(resolveModelChain(config, input.env, { file: input.configFile }), { maxAnswerBytes: config.models.max_answer_bytes });
  const localizeModel = config.context.localize === "model" && config.models.localize.length > 0 ? createOpenAIModelClient(resolveModelChain(config, input.env, { task: "localize", file: input.configFile }), { maxAnswerBytes: config.models.max_answer_bytes }) : void 0;
  const embedder = proposeEmbedderFor(config, input.env, input.configFile);
  const remote = forge.gitRemote();
  const scratch = await mkdtemp(path.join(input.tempDir, "prd-bot-state-"));
  try {
    const state = createBranchStore({ remoteUrl: credentialedUrl(remote), branch: config.state.branch, workDir: scratch });
    const publish = createDraftPrPublisher(forge, workspace, { base: defaultBranch, openPr: config.policy.open_pr, recordUrl: recordUrlFor(forge, remote, config.state.branch) });
    const testCommand = config.test.command ?? await detectWorkspaceTestCommand(workspace);
    await initParsers();
    const { records, notes } = await runCycles({ workspace, state, model, ...localizeModel ? { localizeModel } : {}, ...embedder ? { embedder } : {}, config, testCommand, log, now: input.now, version: VERSION, publish }, request);
    if (request.issue) await reportOnIssue(forge, request.issue.number, records, log);
    return { records, notes, budget: await budgetLeft(state, config, input.now()), stateDescription: state.description };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
function credentialedUrl(remote) {
  const credentials = basicCredentials(remote);
  if (!credentials) return remote.url;
  const url = new URL(remote.url);
  url.username = encodeURIComponent(credentials.user);
  url.password = encodeURIComponent(credentials.password);
  return url.toString();
}
function recordUrlFor(forge, remote, stateBranch) {
  const repo = remote.url.replace(/\.git$/, "");
  const view = forge.kind === "gitea" ? `src/branch/${stateBranch}` : `blob/${stateBranch}`;
  return (cycleId) => `${repo}/${view}/cycles/${cycleId}.json`;
}
async function budgetLeft(state, config, at) {
  const day = utcDay(at);
  const ledger = parseLedger(await state.read(ledgerPath(day)), day);
  return { day, calls: { used: ledger.calls, limit: config.budget.calls_per_day }, tokens: { used: ledger.tokens, limit: config.budget.tokens_per_day } };
}
async function reportOnIssue(forge, issue, records, log) {
  const record = records[0];
  if (!record) return;
  const body = record.pr_url ? `prd-bot opened a draft pull request for this issue: ${record.pr_url}` : `prd-bot worked on this issue without opening a pull request: \`${record.outcome}\`, ${record.reason}`;
  await forge.comment(issue, body).catch((error) => log.warn(`could not comment on issue #${issue}: ${error.message}`));
}

export {
  gitRemoteFor,
  basicCredentials,
  secretsOf,
  createBranchStore,
  runForgeCycles,
  credentialedUrl
};
