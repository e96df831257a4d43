// Smart-HTTP git for the test forges: runs `git http-backend` as a CGI program against one bare repository,
// so clone/fetch/push over http://127.0.0.1 behave exactly like git over HTTPS to GitHub or Gitea.
// https://git-scm.com/docs/git-http-backend
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";

export interface GitRepoRoute {
  bareRepoPath: string;
  /** Full ref names (`refs/heads/main`) a push may not update, as a protected branch; git reports the hook's reason. */
  rejectPushesTo?: string[];
}

export interface GitBackendRequest {
  route: GitRepoRoute;
  /** What follows `<repo>.git` in the URL, e.g. `/info/refs`. */
  pathInfo: string;
  query: string;
  remoteUser: string;
  /** A folder holding the pre-receive hook that enforces `rejectPushesTo` (see `createRejectHook`). */
  hooksPath: string | undefined;
}

/** Answers one git smart-HTTP request; resolves with the HTTP status sent. */
export function runGitHttpBackend(req: IncomingMessage, res: ServerResponse, request: GitBackendRequest): Promise<number> {
  const config: [string, string][] = [
    // Receive-pack is off by default over HTTP; the test forge decides who may push (basic auth) itself.
    ["http.receivepack", "true"],
    ["http.uploadpack", "true"],
  ];
  if (request.hooksPath) config.push(["core.hooksPath", request.hooksPath]);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_PROJECT_ROOT: request.route.bareRepoPath,
    GIT_HTTP_EXPORT_ALL: "1",
    PATH_INFO: request.pathInfo,
    QUERY_STRING: request.query,
    REQUEST_METHOD: req.method ?? "GET",
    CONTENT_TYPE: req.headers["content-type"] ?? "",
    REMOTE_USER: request.remoteUser,
    REMOTE_ADDR: req.socket.remoteAddress ?? "127.0.0.1",
    PRD_BOT_REJECT_REFS: (request.route.rejectPushesTo ?? []).join(" "),
    GIT_CONFIG_COUNT: String(config.length),
  };
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  // Without CONTENT_LENGTH (chunked uploads) http-backend reads the body until EOF.
  if (req.headers["content-length"]) env.CONTENT_LENGTH = req.headers["content-length"];
  if (req.headers["content-encoding"]) env.HTTP_CONTENT_ENCODING = req.headers["content-encoding"];
  const protocol = req.headers["git-protocol"];
  if (typeof protocol === "string") env.HTTP_GIT_PROTOCOL = protocol;

  return new Promise((resolve) => {
    const child = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    let head = Buffer.alloc(0);
    let status = 200;
    let headersSent = false;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const text = head.toString("latin1");
      const end = text.search(/\r?\n\r?\n/);
      if (end < 0) return;
      const separator = /\r?\n\r?\n/.exec(text.slice(end))?.[0].length ?? 2;
      const headers: Record<string, string> = {};
      for (const line of text.slice(0, end).split(/\r?\n/)) {
        const colon = line.indexOf(":");
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 500;
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      headersSent = true;
      res.write(head.subarray(end + separator));
    });
    child.on("error", (error) => {
      if (!headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`git http-backend could not start: ${error.message}\n`);
      resolve(500);
    });
    child.on("close", (code) => {
      if (!headersSent) {
        status = 500;
        res.writeHead(500, { "content-type": "text/plain" });
        res.write(`git http-backend failed (exit ${code}): ${stderr.trim()}\n`);
      }
      res.end();
      resolve(status);
    });
    child.stdin.on("error", () => undefined);
    req.pipe(child.stdin);
  });
}

// A pre-receive hook is how a real server refuses a ref update, so git prints "remote: error: ..." and
// "[remote rejected] main (pre-receive hook declined)" as it would against a protected branch on GitHub.
const REJECT_HOOK = `#!/bin/sh
status=0
while read old new ref; do
  for protected in $PRD_BOT_REJECT_REFS; do
    if [ "$ref" = "$protected" ]; then
      echo "error: GH006: Protected branch update failed for $ref (prd-bot test forge: rejectPushesTo)." >&2
      status=1
    fi
  done
done
exit $status
`;

/** A temp folder with the pre-receive hook; remove it with the returned `cleanup`. */
export async function createRejectHook(): Promise<{ hooksPath: string; cleanup: () => Promise<void> }> {
  const hooksPath = await mkdtemp(path.join(os.tmpdir(), "prd-bot-forge-hooks-"));
  const hook = path.join(hooksPath, "pre-receive");
  await writeFile(hook, REJECT_HOOK);
  await chmod(hook, 0o755);
  return { hooksPath, cleanup: () => rm(hooksPath, { recursive: true, force: true }) };
}
