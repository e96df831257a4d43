import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  PushRejectedError
} from "./chunk-CI6V2LSR.js";

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

// src/adapters/workspace/decode-text.ts
var strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return void 0;
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
    child.on("close", (code) => {
      if (code === 0 && contents.length === files.length) resolve(contents);
      else reject(new Error(`git cat-file --batch exited ${code} after ${contents.length}/${files.length} blobs: ${stderr.trim()}`));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(files.map((file) => `${file.sha}
`).join(""));
  });
}

export {
  redactUrls,
  GitError,
  execGit,
  splitNul,
  decodeUtf8,
  authEnv,
  deleteRemoteBranch,
  pushBranch,
  listTrackedBlobs,
  readBlobs
};
