import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  StateConflictError,
  refusedEnvName
} from "./chunk-R5CBLZOG.js";
import {
  NotACheckoutError,
  NotTextError,
  PushRejectedError
} from "./chunk-CI6V2LSR.js";

// src/adapters/workspace/exec-git.ts
import { spawn } from "node:child_process";
function redactUrls(text) {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@");
}
var GitError = class extends Error {
  constructor(message, args, code3, stderr) {
    super(message);
    this.args = args;
    this.code = code3;
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
    child.on("close", (code3) => {
      const result = { code: code3 ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
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

// src/adapters/workspace/git-workspace.ts
import { mkdir as mkdir2, readFile as readFile3, realpath as realpath3, stat as stat2, writeFile as writeFile3 } from "node:fs/promises";
import path7 from "node:path";

// src/adapters/workspace/checkout-lock.ts
import { readFile } from "node:fs/promises";
import path from "node:path";

// src/adapters/state/directory-lock.ts
import { link, open, rename, stat, unlink, utimes } from "node:fs/promises";
import os from "node:os";
var DEFAULT_STALE_MS = 3e4;
var DEFAULT_LOCK_TIMEOUT_MS = 12e4;
var sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var code = (error) => error?.code;
async function inode(file) {
  try {
    return (await stat(file)).ino;
  } catch (error) {
    if (code(error) === "ENOENT") return void 0;
    throw error;
  }
}
async function breakStaleLock(lockPath, staleIno) {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw error;
  }
  if (await inode(aside) !== staleIno) {
    await link(aside, lockPath).catch(() => void 0);
  }
  await unlink(aside).catch(() => void 0);
}
async function acquireLock(lockPath, options = {}) {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(`pid ${process.pid} on ${os.hostname()} since ${(/* @__PURE__ */ new Date()).toISOString()}
`);
      } finally {
        await handle.close();
      }
      return holdLock(lockPath, staleMs);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
    const current = await stat(lockPath).catch(() => void 0);
    if (current && Date.now() - current.mtimeMs > staleMs) {
      await breakStaleLock(lockPath, current.ino);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      const since = current ? ` (last touched ${new Date(current.mtimeMs).toISOString()})` : "";
      throw new StateConflictError(
        `could not lock the state directory: ${lockPath} is held by another prd-bot run${since} and was not released within ${timeoutMs} ms. If no prd-bot is running, delete ${lockPath}.`
      );
    }
    await sleep(Math.min(2 ** Math.min(attempt, 6), 50) + Math.random() * 10);
  }
}
async function holdLock(lockPath, staleMs) {
  const ours = await inode(lockPath);
  const heartbeat = setInterval(() => {
    void (async () => {
      if (await inode(lockPath) !== ours) return;
      const now = /* @__PURE__ */ new Date();
      await utimes(lockPath, now, now);
    })().catch(() => void 0);
  }, Math.max(10, Math.floor(staleMs / 3)));
  heartbeat.unref();
  return async () => {
    clearInterval(heartbeat);
    if (await inode(lockPath) === ours) await unlink(lockPath).catch(() => void 0);
  };
}

// src/adapters/workspace/checkout-lock.ts
var CHECKOUT_LOCK_FILE = "prd-bot-checkout.lock";
async function lockCheckout(commonDir, waitMs) {
  const lockPath = path.join(commonDir, CHECKOUT_LOCK_FILE);
  try {
    const release = await acquireLock(lockPath, { timeoutMs: waitMs });
    return { ok: true, release };
  } catch (error) {
    if (!(error instanceof StateConflictError)) throw error;
    const holder = (await readFile(lockPath, "utf8").catch(() => "")).trim();
    return {
      ok: false,
      reason: `another prd-bot job holds this checkout${holder ? ` (${holder})` : ""}; waited ${Math.round(waitMs / 1e3)} s (test.lock_wait_seconds). If none is running, delete ${lockPath}`
    };
  }
}

// src/adapters/workspace/commit-to-branch.ts
import { lstat, mkdtemp, rm } from "node:fs/promises";
import os2 from "node:os";
import path2 from "node:path";
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
async function configValue(root, key2) {
  const result = await execGit(root, ["config", "--get", key2], { okCodes: [1] });
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
async function commitTree(root, paths, message) {
  const head = (await execGit(root, ["rev-parse", "--verify", "HEAD^{commit}"])).stdout.trim();
  const tmp = await mkdtemp(path2.join(os2.tmpdir(), "prd-bot-index-"));
  try {
    const env = { GIT_INDEX_FILE: path2.join(tmp, "index") };
    await execGit(root, ["read-tree", "HEAD"], { env });
    await execGit(root, ["update-index", "--add", "-z", "--stdin"], { env, input: paths.map((p) => `${p}\0`).join("") });
    const tree = (await execGit(root, ["write-tree"], { env })).stdout.trim();
    const commitEnv = { ...env, ...await identityEnv(root) };
    const commit = (await execGit(root, ["commit-tree", tree, "-p", head, "-F", "-"], { env: commitEnv, input: message })).stdout.trim();
    return { head, commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
async function commitOnHead(root, paths, message) {
  if (paths.length === 0) throw new Error("commitOnHead: no paths given; nothing to commit");
  if (!message.trim()) throw new Error("commitOnHead: the commit message is empty");
  for (const p of paths) {
    const stat3 = await lstat(path2.join(root, p)).catch(() => void 0);
    if (!stat3 || stat3.isDirectory()) throw new Error(`commitOnHead: "${p}" is not a file in the working tree (${root}); write it first`);
  }
  const { head, commit } = await commitTree(root, paths, message);
  await execGit(root, ["update-ref", "-m", "prd-bot: apply", "HEAD", commit, head]);
  await execGit(root, ["update-index", "-z", "--stdin"], { input: paths.map((p) => `${p}\0`).join("") });
  return commit;
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
    const stat3 = await lstat(path2.join(root, p)).catch(() => void 0);
    if (!stat3 || stat3.isDirectory()) {
      throw new Error(`commitToBranch "${branch}": "${p}" is not a file in the working tree (${root}); write it first`);
    }
  }
  const head = (await execGit(root, ["rev-parse", "--verify", "HEAD^{commit}"])).stdout.trim();
  const tmp = await mkdtemp(path2.join(os2.tmpdir(), "prd-bot-index-"));
  try {
    const env = { GIT_INDEX_FILE: path2.join(tmp, "index") };
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
import path3 from "node:path";
function refuse(p, why) {
  return { ok: false, reason: `path "${p}" ${why}` };
}
function isWithin(parent, child) {
  const rel = path3.relative(parent, child);
  return rel === "" || !rel.startsWith("..") && !path3.isAbsolute(rel);
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
  if (path3.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) {
    return refuse(p, "is absolute; give a path relative to the repository root, like src/foo.ts");
  }
  if (p.includes("\\")) return refuse(p, "contains a backslash; use forward slashes");
  if (p.split("/").some((segment) => segment.toLowerCase() === ".git")) {
    return refuse(p, "points into a .git directory, which is never written");
  }
  const lexical = path3.resolve(roots.root, p);
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
      const code3 = errorCode(error);
      if (code3 === "ENOTDIR") return refuse(p, "goes through a file as if it were a folder");
      if (code3 !== "ENOENT") throw error;
      if ((await lstatOrUndefined(existing))?.isSymbolicLink()) {
        return refuse(p, `goes through the dangling symlink ${path3.relative(roots.root, existing)}`);
      }
      missing.unshift(path3.basename(existing));
      const parent = path3.dirname(existing);
      if (parent === existing) return refuse(p, "has no existing ancestor");
      existing = parent;
    }
  }
  const target = path3.join(real, ...missing);
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
import os3 from "node:os";
import path4 from "node:path";
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
  if (kept.some((p) => p === ".." || p.startsWith("../") || path4.isAbsolute(p))) {
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
    await Promise.all(created.map((file) => rm2(path4.join(root, file), { force: true })));
  }
  const written = (options.written ?? []).filter((file) => !underAny(normalizePrefix(file.path), kept));
  if (written.length === 0) return;
  const tracked = new Set(splitNul((await execGit(root, ["ls-files", "-z", "--", ...written.map((file) => literalPathspec(file.path))])).stdout));
  for (const file of written) {
    if (tracked.has(normalizePrefix(file.path))) continue;
    const target = path4.join(root, file.path);
    const folder = await realpath2(path4.dirname(target)).catch(() => void 0);
    if (folder === void 0 || folder !== root && !folder.startsWith(`${root}${path4.sep}`)) continue;
    if ((await lstat3(target).catch(() => void 0))?.isSymbolicLink() || file.before === void 0) await rm2(target, { force: true });
    if (file.before !== void 0) await writeFile(target, file.before, "utf8");
  }
}
function literalPathspec(p) {
  return `:(literal)${normalizePrefix(p)}`;
}
async function checkoutFromHead(root, changed) {
  const tmp = await mkdtemp2(path4.join(os3.tmpdir(), "prd-bot-restore-"));
  try {
    const env = { GIT_INDEX_FILE: path4.join(tmp, "index") };
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
async function listTrackedBlobs(root, rev = "HEAD") {
  const listing = await execGit(root, ["ls-tree", "-r", "-z", "--long", "--full-tree", rev]);
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
    child.on("close", (code3) => {
      if (code3 === 0 && contents.length === files.length) resolve(contents);
      else reject(new Error(`git cat-file --batch exited ${code3} after ${contents.length}/${files.length} blobs: ${stderr.trim()}`));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(files.map((file) => `${file.sha}
`).join(""));
  });
}

// src/adapters/workspace/checks/run-check-command.ts
import { lstat as lstat5 } from "node:fs/promises";
import path6 from "node:path";

// src/adapters/workspace/checks/bubblewrap-args.ts
var BWRAP = "bwrap";
function bubblewrapArgs(plan, argv) {
  return [
    "--ro-bind",
    "/",
    "/",
    "--dev",
    "/dev",
    "--proc",
    "/proc",
    "--tmpfs",
    "/tmp",
    "--bind",
    plan.root,
    plan.root,
    ...plan.readOnly.flatMap((p) => ["--ro-bind", p, p]),
    "--unshare-pid",
    "--unshare-ipc",
    ...plan.network ? [] : ["--unshare-net"],
    "--die-with-parent",
    "--new-session",
    "--chdir",
    plan.root,
    "--",
    ...argv
  ];
}

// src/adapters/workspace/checks/check-env.ts
var ALLOWED_ENV = [
  // shell and user
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "HOSTNAME",
  "TERM",
  "COLORTERM",
  "NO_COLOR",
  "FORCE_COLOR",
  "TZ",
  "CI",
  "LANG",
  "LANGUAGE",
  "TMPDIR",
  "TEMP",
  "TMP",
  "XDG_CACHE_HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "XDG_STATE_HOME",
  "XDG_RUNTIME_DIR",
  // C and native builds
  "CC",
  "CXX",
  "CFLAGS",
  "CXXFLAGS",
  "CPPFLAGS",
  "LDFLAGS",
  "MAKEFLAGS",
  "PKG_CONFIG_PATH",
  "LD_LIBRARY_PATH",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  // JVM
  "JAVA_HOME",
  "JDK_HOME",
  "MAVEN_HOME",
  "M2_HOME",
  "MAVEN_OPTS",
  "GRADLE_HOME",
  "GRADLE_USER_HOME",
  "GRADLE_OPTS",
  // Go
  "GOPATH",
  "GOROOT",
  "GOCACHE",
  "GOMODCACHE",
  "GOFLAGS",
  "GO111MODULE",
  "CGO_ENABLED",
  "GOTOOLCHAIN",
  // Rust
  "CARGO_HOME",
  "RUSTUP_HOME",
  "RUSTUP_TOOLCHAIN",
  "RUSTFLAGS",
  "CARGO_TARGET_DIR",
  // Python
  "VIRTUAL_ENV",
  "CONDA_PREFIX",
  "CONDA_DEFAULT_ENV",
  "PYTHONPATH",
  "PYTHONHOME",
  "PYTHONDONTWRITEBYTECODE",
  "PYTHONUNBUFFERED",
  "PYENV_ROOT",
  "PYENV_VERSION",
  // Node
  "NODE_PATH",
  "NODE_ENV",
  "NODE_OPTIONS",
  "NODE_EXTRA_CA_CERTS",
  "NVM_DIR",
  "NVM_BIN",
  "COREPACK_HOME",
  // Ruby, .NET, PHP, Android
  "GEM_HOME",
  "GEM_PATH",
  "BUNDLE_GEMFILE",
  "BUNDLE_PATH",
  "RBENV_ROOT",
  "DOTNET_ROOT",
  "DOTNET_CLI_HOME",
  "DOTNET_CLI_TELEMETRY_OPTOUT",
  "NUGET_PACKAGES",
  "COMPOSER_HOME",
  "ANDROID_HOME",
  "ANDROID_SDK_ROOT"
];
var ALLOWED = new Set(ALLOWED_ENV);
var ALLOWED_PREFIX = /^LC_[A-Z_]+$/;
function checkEnv(base, options = {}) {
  const deny = new Set(options.deny ?? []);
  const allowed = new Set((options.allow ?? []).filter((name) => refusedEnvName(name) === void 0));
  const env = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === void 0 || deny.has(name)) continue;
    if (ALLOWED.has(name) || ALLOWED_PREFIX.test(name) || allowed.has(name)) env[name] = value;
  }
  return { ...env, ...options.extra };
}

// src/adapters/workspace/checks/probe-bubblewrap.ts
import { execFile } from "node:child_process";
import os4 from "node:os";
var cache = /* @__PURE__ */ new Map();
function probeBubblewrap(options) {
  const cacheKey = options.network ? "net" : "nonet";
  let probe = cache.get(cacheKey);
  if (!probe) {
    probe = runProbe(options.network);
    cache.set(cacheKey, probe);
  }
  return probe;
}
function runProbe(network) {
  const args = bubblewrapArgs({ root: os4.tmpdir(), readOnly: [], network }, ["true"]);
  return new Promise((resolve) => {
    execFile(BWRAP, args, { timeout: 1e4 }, (error, _stdout, stderr) => {
      if (!error) return resolve({ ok: true });
      const code3 = error.code;
      const why = code3 === "ENOENT" ? "bwrap is not installed (Debian/Ubuntu: apt-get install bubblewrap)" : stderr.trim() || error.message;
      resolve({ ok: false, reason: why.split("\n")[0] ?? why });
    });
  });
}

// src/adapters/workspace/checks/run-command.ts
import { spawn as spawn3 } from "node:child_process";
import { randomBytes } from "node:crypto";

// src/adapters/workspace/checks/process-group.ts
import { readdirSync, readFileSync } from "node:fs";
var POLL_MS = 25;
var KILL_WAIT_MS = 500;
var sleep2 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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
    let stat3;
    try {
      stat3 = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
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
function signalGroup(pgid, signal2) {
  try {
    process.kill(-pgid, signal2);
  } catch {
  }
}
async function waitGone(pgid, ms) {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await sleep2(POLL_MS);
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

// src/adapters/workspace/checks/process-table.ts
import { readFileSync as readFileSync2, readdirSync as readdirSync2 } from "node:fs";
function readProcess(pid) {
  let stat3;
  try {
    stat3 = readFileSync2(`/proc/${pid}/stat`, "utf8");
  } catch {
    return void 0;
  }
  const fields = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
  return {
    pid,
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    start: Number(fields[19]),
    zombie: fields[0] === "Z" || fields[0] === "X"
  };
}
function processTable() {
  let entries;
  try {
    entries = readdirSync2("/proc");
  } catch {
    return [];
  }
  const table = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const process2 = readProcess(Number(entry));
    if (process2) table.push(process2);
  }
  return table;
}
function environHas(pid, entry) {
  let environ;
  try {
    environ = readFileSync2(`/proc/${pid}/environ`);
  } catch {
    return false;
  }
  const needle = Buffer.from(`${entry}\0`);
  return environ.indexOf(needle) === 0 || environ.indexOf(Buffer.concat([Buffer.from("\0"), needle])) >= 0;
}
function descendantsOf(table, roots) {
  const children = /* @__PURE__ */ new Map();
  for (const process2 of table) {
    const list = children.get(process2.ppid) ?? [];
    list.push(process2.pid);
    children.set(process2.ppid, list);
  }
  const present = new Set(table.map((process2) => process2.pid));
  const found = /* @__PURE__ */ new Set();
  const queue = [...roots].filter((pid) => present.has(pid));
  while (queue.length > 0) {
    const pid = queue.pop();
    if (found.has(pid)) continue;
    found.add(pid);
    queue.push(...children.get(pid) ?? []);
  }
  return found;
}

// src/adapters/workspace/checks/track-descendants.ts
var SAMPLE_MS = 200;
var MAX_ROUNDS = 20;
var REAP_WAIT_MS = 1e3;
var sleep3 = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var key = (process2) => `${process2.pid}:${process2.start}`;
function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
  }
}
function trackDescendants(rootPid, marker) {
  const seen = /* @__PURE__ */ new Map();
  const self = process.pid;
  const sample = () => {
    const table = processTable();
    for (const pid of descendantsOf(table, [rootPid])) {
      const entry = table.find((p) => p.pid === pid);
      if (entry && pid !== self) seen.set(key(entry), entry);
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  const targets = () => {
    const table = processTable();
    const roots = /* @__PURE__ */ new Set();
    for (const process2 of table) {
      if (process2.pid === self || process2.zombie) continue;
      const known = seen.get(key(process2));
      if (known || environHas(process2.pid, marker)) roots.add(process2.pid);
    }
    const all = descendantsOf(table, roots);
    all.delete(self);
    return table.filter((process2) => all.has(process2.pid) && !process2.zombie);
  };
  return {
    sample,
    async killAll() {
      clearInterval(timer);
      const stopped = /* @__PURE__ */ new Map();
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const fresh = targets().filter((process2) => !stopped.has(key(process2)));
        if (fresh.length === 0) break;
        for (const process2 of fresh) {
          signal(process2.pid, "SIGSTOP");
          stopped.set(key(process2), process2);
          seen.set(key(process2), process2);
        }
      }
      for (const process2 of stopped.values()) signal(process2.pid, "SIGKILL");
      const deadline = Date.now() + REAP_WAIT_MS;
      while (Date.now() < deadline) {
        const running = [...stopped.values()].filter((p) => {
          const now = readProcess(p.pid);
          return now !== void 0 && now.start === p.start && !now.zombie;
        });
        if (running.length === 0) break;
        await sleep3(20);
      }
      return [...stopped.values()].map((process2) => process2.pid);
    }
  };
}

// src/adapters/workspace/checks/run-command.ts
var DEFAULT_TAIL_BYTES = 16e3;
var DEFAULT_GRACE_MS = 2e3;
var CLOSE_WAIT_MS = 500;
var CHECK_MARKER = "PRD_BOT_CHECK_RUN";
var sleep4 = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
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
  const marker = `${CHECK_MARKER}=${randomBytes(12).toString("hex")}`;
  const [file = "sh", ...args] = options.argv ?? ["sh", "-c", command];
  const child = spawn3(file, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...options.env, [CHECK_MARKER]: marker.slice(CHECK_MARKER.length + 1) }
  });
  const tracker = child.pid === void 0 ? void 0 : trackDescendants(child.pid, marker);
  child.stdout.on("data", (chunk) => tail.push(chunk));
  child.stderr.on("data", (chunk) => tail.push(chunk));
  let exitCode = null;
  let timedOut = false;
  let closed = false;
  let onClose;
  const closedOrTimeout = () => closed ? Promise.resolve() : Promise.race([new Promise((resolve) => onClose = resolve), sleep4(CLOSE_WAIT_MS)]);
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
    const endAll = async () => {
      const pid = child.pid;
      if (pid !== void 0) await terminateGroup(pid, graceMs);
      await tracker?.killAll();
      await closedOrTimeout();
      finish();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      void endAll();
    }, timeoutMs);
    child.on("error", (error) => {
      void tracker?.killAll();
      finish(`
prd-bot: could not start "${command}": ${error.message}
`);
    });
    child.on("exit", (code3) => {
      exitCode = code3;
      if (timedOut) return;
      clearTimeout(timer);
      void endAll();
    });
  });
}

// src/adapters/workspace/checks/snapshot-paths.ts
import { lstat as lstat4, mkdir, readFile as readFile2, readdir, readlink, rm as rm3, symlink, writeFile as writeFile2, chmod } from "node:fs/promises";
import path5 from "node:path";
var DEFAULT_MAX_FILE = 2 * 1024 * 1024;
var DEFAULT_MAX_TOTAL = 32 * 1024 * 1024;
var code2 = (error) => error?.code;
async function walk(roots, limits) {
  const entries = /* @__PURE__ */ new Map();
  const ignore = new Set(limits.ignore ?? []);
  const maxFile = limits.maxFileBytes ?? DEFAULT_MAX_FILE;
  let budget = limits.maxTotalBytes ?? DEFAULT_MAX_TOTAL;
  const visit = async (p) => {
    if (ignore.has(p) || entries.has(p) || path5.basename(p).endsWith(".lock")) return;
    let info;
    try {
      info = await lstat4(p);
    } catch (error) {
      if (code2(error) === "ENOENT" || code2(error) === "ENOTDIR") return;
      throw error;
    }
    if (info.isSymbolicLink()) {
      entries.set(p, { type: "symlink", target: await readlink(p) });
    } else if (info.isDirectory()) {
      entries.set(p, { type: "dir", mode: info.mode & 4095 });
      for (const name of (await readdir(p)).sort()) await visit(path5.join(p, name));
    } else if (info.isFile()) {
      const keep = info.size <= maxFile && info.size <= budget;
      const content = keep ? await readFile2(p).catch(() => void 0) : void 0;
      if (content) budget -= content.length;
      entries.set(p, { type: "file", mode: info.mode & 4095, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, content });
    } else {
      entries.set(p, { type: "other" });
    }
  };
  for (const root of roots) await visit(root);
  return entries;
}
async function takeSnapshot(roots, limits = {}) {
  return { roots, entries: await walk(roots, limits) };
}
function same(before, after) {
  if (before.type !== after.type) return false;
  if (before.type === "symlink" && after.type === "symlink") return before.target === after.target;
  if (before.type === "dir" && after.type === "dir") return before.mode === after.mode;
  if (before.type === "file" && after.type === "file") {
    if (before.mode !== after.mode || before.size !== after.size) return false;
    if (before.content && after.content) return before.content.equals(after.content);
    return before.mtimeMs === after.mtimeMs && before.ino === after.ino;
  }
  return true;
}
async function restoreSnapshot(before, limits = {}) {
  const after = await walk(before.roots, limits);
  const changed = [];
  for (const [p, entry] of after) if (!before.entries.has(p) || !same(before.entries.get(p), entry)) changed.push(p);
  for (const p of before.entries.keys()) if (!after.has(p)) changed.push(p);
  if (changed.length === 0) return { changed, unrestored: [] };
  changed.sort();
  const unrestored = [];
  const removals = changed.filter((p) => after.has(p) && (!before.entries.has(p) || before.entries.get(p)?.type !== after.get(p)?.type));
  for (const p of removals.sort((a, b) => b.length - a.length)) await rm3(p, { recursive: true, force: true }).catch(() => unrestored.push(p));
  for (const p of changed.filter((p2) => before.entries.has(p2)).sort((a, b) => a.length - b.length)) {
    const entry = before.entries.get(p);
    try {
      if (entry.type === "dir") {
        await mkdir(p, { recursive: true });
        await chmod(p, entry.mode);
      } else if (entry.type === "symlink") {
        await rm3(p, { force: true });
        await symlink(entry.target, p);
      } else if (entry.type === "file" && entry.content) {
        await mkdir(path5.dirname(p), { recursive: true });
        await rm3(p, { force: true, recursive: true });
        await writeFile2(p, entry.content, { mode: entry.mode });
        await chmod(p, entry.mode);
      } else {
        unrestored.push(p);
      }
    } catch {
      unrestored.push(p);
    }
  }
  return { changed, unrestored: [...new Set(unrestored)].sort() };
}

// src/adapters/workspace/checks/run-check-command.ts
var GIT_DIR_ENTRIES = ["config", "config.worktree", "HEAD", "hooks", "refs", "packed-refs", "info", "branches", "remotes", "shallow", "commondir", "gitdir", "prd-bot"];
var exists = (p) => lstat5(p).then(() => true, () => false);
async function runCheckCommand(dirs, command, options) {
  const requested = options.sandbox ?? "auto";
  const network = options.network ?? false;
  let sandbox = "none";
  let sandboxNote;
  if (requested !== "none") {
    const probe = await probeBubblewrap({ network });
    if (probe.ok) sandbox = "bubblewrap";
    else if (requested === "bubblewrap") return sandboxRefused(command, probe.reason);
    else sandboxNote = `test.sandbox auto: bubblewrap does not work here (${probe.reason}); the check runs with the environment allowlist, the kill of every descendant and the git-dir snapshot only`;
  }
  const protect = (options.protect ?? []).map((p) => path6.resolve(dirs.root, p));
  const dotGit = path6.join(dirs.root, ".git");
  const gitDirs = [.../* @__PURE__ */ new Set([dirs.gitDir, dirs.commonDir])];
  const roots = [...gitDirs.flatMap((dir) => GIT_DIR_ENTRIES.map((name) => path6.join(dir, name))), dotGit, ...protect];
  const before = await takeSnapshot([...new Set(roots)]);
  let env = checkEnv(options.baseEnv ?? process.env, { allow: options.allowEnv, deny: options.denyEnv, extra: options.env });
  let argv = ["sh", "-c", command];
  if (sandbox === "bubblewrap") {
    const readOnly = [];
    for (const p of [dotGit, ...gitDirs, ...protect]) if (!readOnly.includes(p) && await exists(p)) readOnly.push(p);
    argv = [BWRAP, ...bubblewrapArgs({ root: dirs.root, readOnly, network }, argv)];
    env = { ...env, TMPDIR: "/tmp", XDG_CACHE_HOME: env.XDG_CACHE_HOME ?? "/tmp/.cache" };
  }
  const run = await runCommand(dirs.root, command, { timeoutMs: options.timeoutMs, tailBytes: options.tailBytes, graceMs: options.graceMs, env, argv });
  const diff = await restoreSnapshot(before);
  const result = { ...run, sandbox, ...sandboxNote ? { sandboxNote } : {} };
  if (diff.changed.length === 0) return result;
  const label = labeller(dirs);
  const unrestored = new Set(diff.unrestored);
  result.gitChanges = diff.changed.map((p) => label(p) + (unrestored.has(p) ? " (not restored)" : ""));
  result.passed = false;
  result.output_tail += `
prd-bot: the command changed what it must not touch, and it was put back: ${result.gitChanges.join(", ")}
`;
  return result;
}
function sandboxRefused(command, reason) {
  return {
    command,
    exit_code: null,
    timed_out: false,
    duration_ms: 0,
    output_tail: `prd-bot: test.sandbox is bubblewrap, but bubblewrap does not work here: ${reason}. Install it (Debian/Ubuntu: apt-get install bubblewrap), allow unprivileged user namespaces, or set test.sandbox: auto or none.
`,
    passed: false,
    sandbox: "none",
    sandboxNote: `bubblewrap required but unavailable: ${reason}`
  };
}
function labeller(dirs) {
  const within = (dir, p) => p === dir || p.startsWith(dir + path6.sep);
  return (p) => {
    for (const dir of [dirs.commonDir, dirs.gitDir]) {
      if (within(dir, p)) return `.git/${path6.relative(dir, p).split(path6.sep).join("/")}`;
    }
    const rel = path6.relative(dirs.root, p);
    return rel && !rel.startsWith("..") && !path6.isAbsolute(rel) ? rel.split(path6.sep).join("/") : p;
  };
}

// src/adapters/workspace/git-workspace.ts
async function openGitWorkspace(dir) {
  const exists2 = await stat2(dir).catch(() => void 0);
  if (!exists2?.isDirectory()) throw new NotACheckoutError(`${dir} is not a directory; pass the path of a git checkout (--root)`);
  const top = await execGit(dir, ["rev-parse", "--show-toplevel"]).catch((error) => {
    const detail = error instanceof GitError ? error.stderr.trim() : error.message;
    throw new NotACheckoutError(`${dir} is not inside a git work tree (${detail}); pass a checkout with --root, or run "git init" there`);
  });
  const root = await realpath3(top.stdout.trim());
  const dirs = await execGit(root, ["rev-parse", "--absolute-git-dir", "--git-common-dir"]);
  const [gitDirRaw = "", commonRaw = ""] = dirs.stdout.trim().split("\n");
  const gitDirReal = await realpath3(gitDirRaw);
  const commonReal = await realpath3(path7.resolve(root, commonRaw));
  const roots = { root, forbidden: [.../* @__PURE__ */ new Set([gitDirReal, commonReal])] };
  const git = (args) => execGit(root, args);
  const relativePrefix = (prefix) => path7.isAbsolute(prefix) ? path7.relative(root, prefix).split(path7.sep).join("/") : normalizePrefix(prefix);
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
    async headTree() {
      const result = await execGit(root, ["rev-parse", "--verify", "--quiet", "HEAD^{tree}"], { okCodes: [1] });
      if (result.code !== 0) throw new Error(`workspace ${root}: HEAD has no commit yet; make a first commit before running prd-bot`);
      return result.stdout.trim();
    },
    lock: (options) => lockCheckout(commonReal, options.waitMs),
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
      return wanted.flatMap((file, index) => contents[index] === void 0 ? [] : [{ path: file.path, content: contents[index], blob: file.sha }]);
    },
    async readFile(p) {
      const absolute = await mustResolve(p, true);
      let bytes;
      try {
        bytes = await readFile3(absolute);
      } catch (error) {
        const code3 = error.code;
        if (code3 === "ENOENT") return void 0;
        if (code3 === "EISDIR") throw new Error(`workspace ${root}: "${p}" is a directory, not a file`);
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
      await mkdir2(path7.dirname(absolute), { recursive: true });
      await writeFile3(absolute, content, "utf8");
    },
    restore: (keep = [], options = {}) => restoreTree(root, keep.map(relativePrefix), options),
    async commitToBranch(branch, paths, message) {
      return commitToBranch({ root, branch, paths: paths.map(normalizePrefix), message, currentBranch: await currentBranch() });
    },
    commitOnHead: (paths, message) => commitOnHead(root, paths.map(normalizePrefix), message),
    async checkoutNewBranch(branch) {
      await validateBranchName(root, branch);
      await git(["checkout", "-q", "-b", branch]);
    },
    push: (remote, branch) => pushBranch(root, remote, branch),
    deleteRemoteBranch: (remote, branch) => deleteRemoteBranch(root, remote, branch),
    run(command, options) {
      return runCheckCommand({ root, gitDir: gitDirReal, commonDir: commonReal }, command, options);
    }
  };
}

export {
  acquireLock,
  redactUrls,
  GitError,
  execGit,
  splitNul,
  FALLBACK_IDENTITY,
  authEnv,
  readBlobs,
  openGitWorkspace
};
