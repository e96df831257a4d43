import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  NotACheckoutError,
  NotTextError,
  PushRejectedError
} from "./chunk-CI6V2LSR.js";

// src/adapters/workspace/git-workspace.ts
import { mkdir, readFile, realpath as realpath3, stat, writeFile as writeFile2 } from "node:fs/promises";
import path4 from "node:path";

// src/adapters/workspace/commit-to-branch.ts
import { lstat, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// src/adapters/workspace/exec-git.ts
import { spawn } from "node:child_process";
function redactUrls(text) {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}
var GitError = class extends Error {
  constructor(message, args, code, stderr) {
    super(message);
    this.args = args;
    this.code = code;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  code;
  stderr;
};
var BASE_ENV = { GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0" };
function execGit(cwd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: [options.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"]
    });
    const out = [];
    const err = [];
    child.stdout?.on("data", (chunk) => out.push(chunk));
    child.stderr?.on("data", (chunk) => err.push(chunk));
    child.on("error", (error) => {
      reject(new Error(`could not run git ${redactUrls(args.join(" "))} in ${cwd}: ${error.message}. Is git installed and on PATH?`));
    });
    child.on("close", (code) => {
      const result = { code: code ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      if (result.code === 0 || options.okCodes?.includes(result.code)) {
        resolve(result);
        return;
      }
      const command = redactUrls(`git ${args.join(" ")}`);
      const detail = redactUrls(result.stderr.trim()) || "(no output on stderr)";
      reject(new GitError(`${command} failed with exit code ${result.code} in ${cwd}: ${detail}`, args, result.code, result.stderr));
    });
    if (options.input !== void 0 && child.stdin) {
      child.stdin.on("error", () => {
      });
      child.stdin.end(options.input);
    }
  });
}
function splitNul(text) {
  return text.split("\0").filter((entry) => entry.length > 0);
}

// src/adapters/workspace/commit-to-branch.ts
var FALLBACK_IDENTITY = { name: "prd-bot", email: "prd-bot@users.noreply.github.com" };
async function validateBranchName(root, branch) {
  const hint = 'use a plain branch name like "prd-bot/gap-1a2b3c"';
  if (!branch || branch.startsWith("-") || branch.includes("@{")) {
    throw new Error(`invalid branch name "${branch}": ${hint}`);
  }
  const result = await execGit(root, ["check-ref-format", "--branch", branch], { okCodes: [1, 128] });
  if (result.code !== 0 || result.stdout.trim() !== branch) {
    throw new Error(`invalid branch name "${branch}" (git check-ref-format --branch refused it): ${hint}`);
  }
}
async function configValue(root, key) {
  const result = await execGit(root, ["config", "--get", key], { okCodes: [1] });
  return result.code === 0 && result.stdout.trim() ? result.stdout.trim() : void 0;
}
async function identityEnv(root, env = process.env) {
  const name = await configValue(root, "user.name") ?? FALLBACK_IDENTITY.name;
  const email = await configValue(root, "user.email") ?? FALLBACK_IDENTITY.email;
  const result = {};
  for (const role of ["AUTHOR", "COMMITTER"]) {
    if (!env[`GIT_${role}_NAME`]) result[`GIT_${role}_NAME`] = name;
    if (!env[`GIT_${role}_EMAIL`]) result[`GIT_${role}_EMAIL`] = email;
  }
  return result;
}
async function commitToBranch(request) {
  const { root, branch, paths, message, currentBranch } = request;
  await validateBranchName(root, branch);
  if (branch === currentBranch) {
    throw new Error(`refusing to commit to "${branch}": it is the checked-out branch; choose another branch name`);
  }
  if (paths.length === 0) throw new Error(`commitToBranch "${branch}": no paths given; nothing to commit`);
  if (!message.trim()) throw new Error(`commitToBranch "${branch}": the commit message is empty`);
  for (const p of paths) {
    const stat2 = await lstat(path.join(root, p)).catch(() => void 0);
    if (!stat2 || stat2.isDirectory()) {
      throw new Error(`commitToBranch "${branch}": "${p}" is not a file in the working tree (${root}); write it first`);
    }
  }
  const head = (await execGit(root, ["rev-parse", "--verify", "HEAD^{commit}"])).stdout.trim();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "prd-bot-index-"));
  try {
    const env = { GIT_INDEX_FILE: path.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["update-index", "--add", "-z", "--stdin"], { env, input: paths.map((p) => `${p}\0`).join("") });
    const tree = (await execGit(root, ["write-tree"], { env })).stdout.trim();
    const commitEnv = { ...env, ...await identityEnv(root) };
    const commit = (await execGit(root, ["commit-tree", tree, "-p", head, "-F", "-"], { env: commitEnv, input: message })).stdout.trim();
    await execGit(root, ["update-ref", "-m", `prd-bot: commit to ${branch}`, `refs/heads/${branch}`, commit]);
    return commit;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

// src/adapters/workspace/decode-text.ts
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return void 0;
  }
}

// src/adapters/workspace/parse-status.ts
function parseStatusZ(output) {
  const fields = output.split("\0");
  const entries = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const xy = field.slice(0, 2);
    const entry = { xy, path: field.slice(3) };
    if (xy.includes("R") || xy.includes("C")) entry.from = fields[++i];
    entries.push(entry);
  }
  return entries;
}

// src/adapters/workspace/resolve-inside.ts
import { lstat as lstat2, realpath } from "node:fs/promises";
import path2 from "node:path";
function refuse(p, why) {
  return { ok: false, reason: `path "${p}" ${why}` };
}
function isWithin(parent, child) {
  const rel = path2.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}
function errorCode(error) {
  return error?.code;
}
async function lstatOrUndefined(p) {
  try {
    return await lstat2(p);
  } catch (error) {
    if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return void 0;
    throw error;
  }
}
async function resolveInsideRoot(roots, p, options = {}) {
  if (typeof p !== "string" || p.length === 0) return refuse(String(p), "is empty; give a path relative to the repository root");
  if (p.includes("\0")) return refuse(p, "contains a NUL byte");
  if (path2.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) {
    return refuse(p, "is absolute; give a path relative to the repository root, like src/foo.ts");
  }
  if (p.includes("\\")) return refuse(p, "contains a backslash; use forward slashes");
  if (p.split("/").some((segment) => segment.toLowerCase() === ".git")) {
    return refuse(p, "points into a .git directory, which is never written");
  }
  const lexical = path2.resolve(roots.root, p);
  if (lexical === roots.root) return refuse(p, "is the repository root itself, not a file");
  if (!isWithin(roots.root, lexical)) return refuse(p, "leaves the repository (.. goes above the root)");
  const final = await lstatOrUndefined(lexical);
  if (final?.isSymbolicLink() && !options.allowFinalSymlink) {
    return refuse(p, "is a symlink; writing through a symlink is never allowed");
  }
  let existing = lexical;
  const missing = [];
  let real;
  while (real === void 0) {
    try {
      real = await realpath(existing);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOTDIR") return refuse(p, "goes through a file as if it were a folder");
      if (code !== "ENOENT") throw error;
      if ((await lstatOrUndefined(existing))?.isSymbolicLink()) {
        return refuse(p, `goes through the dangling symlink ${path2.relative(roots.root, existing)}`);
      }
      missing.unshift(path2.basename(existing));
      const parent = path2.dirname(existing);
      if (parent === existing) return refuse(p, "has no existing ancestor");
      existing = parent;
    }
  }
  const target = path2.join(real, ...missing);
  if (!isWithin(roots.root, target) || target === roots.root) {
    return refuse(p, `resolves to ${target}, outside the repository (a symlink along the path leads out)`);
  }
  if (roots.forbidden.some((dir) => isWithin(dir, target))) {
    return refuse(p, "resolves into the git directory, which is never written");
  }
  return { ok: true, absolute: target };
}

// src/adapters/workspace/restore-tree.ts
import { lstat as lstat3, mkdtemp as mkdtemp2, realpath as realpath2, rm as rm2, writeFile } from "node:fs/promises";
import os2 from "node:os";
import path3 from "node:path";
function normalizePrefix(prefix) {
  return prefix.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/+$/, "");
}
function underAny(file, prefixes) {
  return prefixes.some((prefix) => prefix !== "" && (file === prefix || file.startsWith(`${prefix}/`)));
}
function literalPattern(p) {
  return `/${p.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`).replace(/ $/, "\\ ")}`;
}
async function listIgnoredFiles(root) {
  return splitNul((await execGit(root, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard"])).stdout);
}
async function restoreTree(root, keep = [], options = {}) {
  const kept = keep.map(normalizePrefix).filter((p) => p !== "" && p !== ".");
  if (kept.some((p) => p === ".." || p.startsWith("../") || path3.isAbsolute(p))) {
    throw new Error(`restore: keep paths must be relative to the repository root, got ${JSON.stringify(keep)}`);
  }
  await execGit(root, ["clean", "-f", "-d", "-q", ...kept.flatMap((p) => ["-e", literalPattern(p)]), "--"]);
  const changed = splitNul(
    (await execGit(root, ["diff-index", "--name-only", "-z", "--no-renames", "--diff-filter=DMT", "HEAD", "--"])).stdout
  ).filter((file) => !underAny(file, kept));
  if (changed.length > 0) await checkoutFromHead(root, changed);
  await restoreIgnored(root, kept, options);
}
async function restoreIgnored(root, kept, options) {
  if (options.ignoredBefore !== void 0) {
    const before = new Set(options.ignoredBefore);
    const created = (await listIgnoredFiles(root)).filter((file) => !before.has(file) && !underAny(file, kept));
    await Promise.all(created.map((file) => rm2(path3.join(root, file), { force: true })));
  }
  const written = (options.written ?? []).filter((file) => !underAny(normalizePrefix(file.path), kept));
  if (written.length === 0) return;
  const tracked = new Set(splitNul((await execGit(root, ["ls-files", "-z", "--", ...written.map((file) => literalPathspec(file.path))])).stdout));
  for (const file of written) {
    if (tracked.has(normalizePrefix(file.path))) continue;
    const target = path3.join(root, file.path);
    const folder = await realpath2(path3.dirname(target)).catch(() => void 0);
    if (folder === void 0 || folder !== root && !folder.startsWith(`${root}${path3.sep}`)) continue;
    if ((await lstat3(target).catch(() => void 0))?.isSymbolicLink() || file.before === void 0) await rm2(target, { force: true });
    if (file.before !== void 0) await writeFile(target, file.before, "utf8");
  }
}
function literalPathspec(p) {
  return `:(literal)${normalizePrefix(p)}`;
}
async function checkoutFromHead(root, changed) {
  const tmp = await mkdtemp2(path3.join(os2.tmpdir(), "prd-bot-restore-"));
  try {
    const env = { GIT_INDEX_FILE: path3.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["checkout-index", "-f", "-z", "--stdin"], { env, input: changed.map((f) => `${f}\0`).join("") });
  } finally {
    await rm2(tmp, { recursive: true, force: true });
  }
}

// src/adapters/workspace/push-branch.ts
function authEnv(remote) {
  const auth = remote.authHeader ? { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: remote.authHeader } : {};
  return { LC_ALL: "C", LANGUAGE: "C", ...auth };
}
async function deleteRemoteBranch(root, remote, branch) {
  try {
    await execGit(root, ["push", remote.url, `:refs/heads/${branch}`], { env: authEnv(remote) });
  } catch (error) {
    const said = error instanceof GitError ? redactUrls(error.stderr.trim()) : error.message;
    throw new Error(`deleting ${branch} on ${redactUrls(remote.url)} failed: ${said}`);
  }
}
async function pushBranch(root, remote, branch) {
  const env = authEnv(remote);
  const refspec = `refs/heads/${branch}:refs/heads/${branch}`;
  try {
    await execGit(root, ["push", remote.url, refspec], { env });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const said = redactUrls(error.stderr.trim());
    if (/non-fast-forward|fetch first|\[rejected\]|stale info/i.test(said)) {
      throw new PushRejectedError(`push of ${branch} was rejected: the remote branch has commits this one lacks (${said.split("\n")[0]})`);
    }
    throw new Error(`push of ${branch} to ${redactUrls(remote.url)} failed: ${said || error.message}`);
  }
}

// src/adapters/workspace/read-tracked-files.ts
import { spawn as spawn2 } from "node:child_process";
async function listTrackedBlobs(root) {
  const listing = await execGit(root, ["ls-tree", "-r", "-z", "--long", "--full-tree", "HEAD"]);
  const files = [];
  for (const entry of splitNul(listing.stdout)) {
    const tab = entry.indexOf("	");
    const [mode, type, sha, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob" || mode !== "100644" && mode !== "100755" || !sha) continue;
    files.push({ path: entry.slice(tab + 1), size: Number(size), sha });
  }
  return files;
}
function readBlobs(root, files) {
  return new Promise((resolve, reject) => {
    const child = spawn2("git", ["cat-file", "--batch"], { cwd: root, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" }, stdio: ["pipe", "pipe", "pipe"] });
    const contents = [];
    let buffered = Buffer.alloc(0);
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      for (; ; ) {
        const newline = buffered.indexOf(10);
        if (newline < 0) return;
        const header = buffered.subarray(0, newline).toString("latin1").split(" ");
        const size = Number(header[2]);
        if (header[1] === "missing" || !Number.isFinite(size)) {
          child.kill();
          reject(new Error(`git cat-file: ${header.join(" ")}`));
          return;
        }
        if (buffered.length < newline + 1 + size + 1) return;
        contents.push(decodeUtf8(buffered.subarray(newline + 1, newline + 1 + size)));
        buffered = buffered.subarray(newline + 1 + size + 1);
      }
    });
    child.stderr.on("data", (chunk) => stderr += chunk.toString("utf8"));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && contents.length === files.length) resolve(contents);
      else reject(new Error(`git cat-file --batch exited ${code} after ${contents.length}/${files.length} blobs: ${stderr.trim()}`));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(files.map((file) => `${file.sha}
`).join(""));
  });
}

// src/adapters/workspace/run-command.ts
import { spawn as spawn3 } from "node:child_process";

// src/adapters/workspace/process-group.ts
import { readdirSync, readFileSync } from "node:fs";
var POLL_MS = 25;
var KILL_WAIT_MS = 500;
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function liveMembersFromProc(pgid) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return void 0;
  }
  let live = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat2;
    try {
      stat2 = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat2.slice(stat2.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid && fields[0] !== "Z") live++;
  }
  return live;
}
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  return process.platform === "linux" ? (liveMembersFromProc(pgid) ?? 1) > 0 : true;
}
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
  }
}
async function waitGone(pgid, ms) {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}
async function terminateGroup(pgid, graceMs) {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, "SIGTERM");
  if (await waitGone(pgid, graceMs)) return;
  signalGroup(pgid, "SIGKILL");
  await waitGone(pgid, KILL_WAIT_MS);
}

// src/adapters/workspace/run-command.ts
var DEFAULT_TAIL_BYTES = 16e3;
var DEFAULT_GRACE_MS = 2e3;
var CLOSE_WAIT_MS = 500;
var sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
function testCommandEnv(base, extra = {}) {
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === void 0 || name.startsWith("INPUT_") || SECRET_NAME.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}
var TailBuffer = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  chunks = [];
  size = 0;
  push(chunk) {
    if (this.limit <= 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.limit) {
      this.size -= this.chunks.shift().length;
    }
  }
  /** Bytes held in memory: at most the limit plus one chunk. */
  get held() {
    return this.size;
  }
  text() {
    let bytes = Buffer.concat(this.chunks);
    if (bytes.length > this.limit) bytes = bytes.subarray(bytes.length - this.limit);
    let start = 0;
    while (start < 3 && start < bytes.length && (bytes[start] & 192) === 128) start++;
    return bytes.subarray(start).toString("utf8");
  }
};
function runCommand(cwd, command, options) {
  const { timeoutMs, tailBytes = DEFAULT_TAIL_BYTES, graceMs = DEFAULT_GRACE_MS } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`run: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  if (!Number.isInteger(tailBytes) || tailBytes < 0) {
    throw new Error(`run: tailBytes must be a non-negative integer, got ${tailBytes}`);
  }
  const started = Date.now();
  const tail = new TailBuffer(tailBytes);
  const child = spawn3("sh", ["-c", command], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: testCommandEnv(options.baseEnv ?? process.env, options.env)
  });
  child.stdout.on("data", (chunk) => tail.push(chunk));
  child.stderr.on("data", (chunk) => tail.push(chunk));
  let exitCode = null;
  let timedOut = false;
  let closed = false;
  let onClose;
  const closedOrTimeout = () => closed ? Promise.resolve() : Promise.race([new Promise((resolve) => onClose = resolve), sleep2(CLOSE_WAIT_MS)]);
  child.on("close", () => {
    closed = true;
    onClose?.();
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (extra) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (extra) tail.push(Buffer.from(extra));
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({
        command,
        exit_code: exitCode,
        timed_out: timedOut,
        duration_ms: Date.now() - started,
        output_tail: tail.text(),
        passed: !timedOut && exitCode === 0
      });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      const pid = child.pid;
      void (async () => {
        if (pid !== void 0) await terminateGroup(pid, graceMs);
        await closedOrTimeout();
        finish();
      })();
    }, timeoutMs);
    child.on("error", (error) => finish(`
prd-bot: could not start "sh -c ${command}": ${error.message}
`));
    child.on("exit", (code) => {
      exitCode = code;
      if (timedOut) return;
      clearTimeout(timer);
      const pid = child.pid;
      void (async () => {
        if (pid !== void 0) await terminateGroup(pid, graceMs);
        await closedOrTimeout();
        finish();
      })();
    });
  });
}

// src/adapters/workspace/git-workspace.ts
async function openGitWorkspace(dir) {
  const exists = await stat(dir).catch(() => void 0);
  if (!exists?.isDirectory()) throw new NotACheckoutError(`${dir} is not a directory; pass the path of a git checkout (--root)`);
  const top = await execGit(dir, ["rev-parse", "--show-toplevel"]).catch((error) => {
    const detail = error instanceof GitError ? error.stderr.trim() : error.message;
    throw new NotACheckoutError(`${dir} is not inside a git work tree (${detail}); pass a checkout with --root, or run "git init" there`);
  });
  const root = await realpath3(top.stdout.trim());
  const dirs = await execGit(root, ["rev-parse", "--absolute-git-dir", "--git-common-dir"]);
  const [gitDirRaw = "", commonRaw = ""] = dirs.stdout.trim().split("\n");
  const gitDirReal = await realpath3(gitDirRaw);
  const commonReal = await realpath3(path4.resolve(root, commonRaw));
  const roots = { root, forbidden: [.../* @__PURE__ */ new Set([gitDirReal, commonReal])] };
  const git = (args) => execGit(root, args);
  const relativePrefix = (prefix) => path4.isAbsolute(prefix) ? path4.relative(root, prefix).split(path4.sep).join("/") : normalizePrefix(prefix);
  async function mustResolve(p, forRead) {
    const check = await resolveInsideRoot(roots, p, { allowFinalSymlink: forRead });
    if (!check.ok) throw new Error(`workspace ${root}: ${check.reason}`);
    return check.absolute;
  }
  async function currentBranch() {
    const result = await execGit(root, ["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [1] });
    return result.code === 0 ? result.stdout.trim() : null;
  }
  return {
    root,
    gitDir: async () => gitDirReal,
    currentBranch,
    async headSha() {
      const result = await execGit(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { okCodes: [1] });
      if (result.code !== 0) throw new NotACheckoutError(`${root} has no commit yet (HEAD is unborn); make a first commit before running prd-bot`);
      return result.stdout.trim();
    },
    async dirtyPaths(exclude = []) {
      const prefixes = exclude.map(relativePrefix).filter((p) => p !== "" && !p.startsWith(".."));
      const status = await git(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=none"]);
      const files = parseStatusZ(status.stdout).flatMap((entry) => entry.from ? [entry.path, entry.from] : [entry.path]);
      return [...new Set(files)].filter((file) => !underAny(file, prefixes)).sort();
    },
    async listFiles() {
      return splitNul((await git(["ls-files", "-z"])).stdout);
    },
    async readTrackedFiles(keep) {
      const wanted = (await listTrackedBlobs(root)).filter((file) => keep(file.path, file.size));
      const contents = await readBlobs(root, wanted);
      return wanted.flatMap((file, index) => contents[index] === void 0 ? [] : [{ path: file.path, content: contents[index] }]);
    },
    async readFile(p) {
      const absolute = await mustResolve(p, true);
      let bytes;
      try {
        bytes = await readFile(absolute);
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT") return void 0;
        if (code === "EISDIR") throw new Error(`workspace ${root}: "${p}" is a directory, not a file`);
        throw error;
      }
      const text = decodeUtf8(bytes);
      if (text === void 0) throw new NotTextError(p);
      return text;
    },
    async ignoredPaths(paths) {
      if (paths.length === 0) return [];
      const result = await execGit(root, ["check-ignore", "-z", "--stdin"], { input: paths.map((p) => `${p}\0`).join(""), okCodes: [1] });
      return splitNul(result.stdout);
    },
    ignoredFiles: () => listIgnoredFiles(root),
    async readFileAt(rev, p) {
      if (!rev || rev.startsWith("-")) throw new Error(`readFileAt: "${rev}" is not a revision; pass a sha, branch or tag`);
      const commit = await execGit(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { okCodes: [1] });
      if (commit.code !== 0) {
        throw new Error(`readFileAt: unknown revision "${rev}" in ${root}; fetch it or pass an existing sha, branch or tag`);
      }
      const spec = `${commit.stdout.trim()}:${normalizePrefix(p)}`;
      const type = await execGit(root, ["cat-file", "-t", spec], { okCodes: [128] });
      if (type.code !== 0) return void 0;
      if (type.stdout.trim() !== "blob") throw new Error(`readFileAt: "${p}" at ${rev} is a ${type.stdout.trim()}, not a file`);
      return (await git(["cat-file", "blob", spec])).stdout;
    },
    resolveInside: (p) => resolveInsideRoot(roots, p),
    async writeFile(p, content) {
      const absolute = await mustResolve(p, false);
      await mkdir(path4.dirname(absolute), { recursive: true });
      await writeFile2(absolute, content, "utf8");
    },
    restore: (keep = [], options = {}) => restoreTree(root, keep.map(relativePrefix), options),
    async commitToBranch(branch, paths, message) {
      return commitToBranch({ root, branch, paths: paths.map(normalizePrefix), message, currentBranch: await currentBranch() });
    },
    push: (remote, branch) => pushBranch(root, remote, branch),
    deleteRemoteBranch: (remote, branch) => deleteRemoteBranch(root, remote, branch),
    run(command, options) {
      return runCommand(root, command, options);
    }
  };
}

export {
  redactUrls,
  GitError,
  execGit,
  splitNul,
  FALLBACK_IDENTITY,
  authEnv,
  readBlobs,
  openGitWorkspace
};
