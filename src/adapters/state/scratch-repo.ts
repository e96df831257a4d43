// The store's private bare repository in `workDir`: fetches the state branch, reads blobs, builds
// trees and commits with plumbing, and pushes without force. It never sees the user's checkout.
import { createHash, randomBytes } from "node:crypto";
import { access, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { BranchStoreError } from "./branch-store-error.js";
import { classifyPushFailure, type PushFailure } from "./classify-push-failure.js";
import { fastImportScript } from "./fast-import-script.js";
import { findPathConflicts, pathsToInspect } from "./path-conflicts.js";
import { runGit, type GitResult } from "./run-git.js";

export interface ScratchRepoOptions {
  remoteUrl: string;
  branch: string;
  workDir: string;
  author: { name: string; email: string };
  redact: (text: string) => string;
  /** For messages: 'branch "prd-bot/state" of <redacted remote>'. */
  where: string;
}

export interface ScratchRepo {
  /** Fetches the branch; its tip commit, or undefined when the branch does not exist yet. */
  fetchTip(): Promise<string | undefined>;
  readFile(commit: string, path: string): Promise<string | undefined>;
  /** Files (not subdirectories) directly under `prefix` ("" or "cycles/"), full paths. */
  listFiles(commit: string, prefix: string): Promise<string[]>;
  /** A commit on top of `parent` (root commit when undefined); undefined when nothing changes. */
  commitFiles(parent: string | undefined, files: Map<string, string>, message: string): Promise<string | undefined>;
  push(commit: string): Promise<"ok" | PushFailure>;
}

const REMOTE = "state";
/** `cat-file --batch(-check)` header of a found object: "<sha> <type> <size>". */
const OBJECT_HEADER = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/;

export function openScratchRepo(options: ScratchRepoOptions): ScratchRepo {
  const gitDir = join(options.workDir, "state.git");
  const trackingRef = `refs/remotes/${REMOTE}/${options.branch}`;
  const config: [string, string][] = [
    // Passed through the environment, not argv or a file, so the URL's token never shows in `ps`
    // and never lands on disk.
    [`remote.${REMOTE}.url`, options.remoteUrl],
    // Hooks from a global core.hooksPath must not run on the bot's private repository.
    ["core.hooksPath", join(gitDir, "no-hooks")],
    ["gc.auto", "0"],
    ["maintenance.auto", "false"],
  ];
  // A URL that carries its credential must not be handed to a helper that would store it.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(options.remoteUrl)) config.push(["credential.helper", ""]);
  const env: Record<string, string> = {
    GIT_CONFIG_COUNT: String(config.length),
    // Record paths are names, never patterns (ls-tree would treat "*" as a wildcard).
    GIT_LITERAL_PATHSPECS: "1",
    GIT_ASKPASS: "",
    SSH_ASKPASS: "",
  };
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });

  const git = (args: string[], extra: { input?: string; env?: Record<string, string> } = {}): Promise<GitResult> =>
    runGit(args, { gitDir, env: { ...env, ...extra.env }, ...(extra.input === undefined ? {} : { input: extra.input }) });

  const must = async (args: string[], extra: { input?: string; env?: Record<string, string> } = {}): Promise<string> => {
    const result = await git(args, extra);
    if (result.code !== 0) {
      throw new BranchStoreError(`git ${args[0]} failed in the scratch repository ${gitDir} for ${options.where}: ${options.redact(result.stderr.trim())}`, options.branch);
    }
    return result.stdout.toString("utf8");
  };

  const scratchRefs = new Map<string, string>();
  let ready: Promise<void> | undefined;
  const init = (): Promise<void> =>
    (ready ??= (async () => {
      await mkdir(options.workDir, { recursive: true });
      const exists = await access(join(gitDir, "HEAD")).then(() => true, () => false);
      if (!exists) {
        // --template= keeps sample or user-provided hooks out of the scratch repository.
        const result = await runGit(["init", "--bare", "--quiet", "--template=", gitDir], { gitDir: options.workDir, env: { ...env, GIT_DIR: gitDir } });
        if (result.code !== 0) throw new BranchStoreError(`Could not create the scratch repository ${gitDir}: ${result.stderr.trim()}. Check that workDir is writable.`, options.branch);
      }
      const refCheck = await git(["check-ref-format", `refs/heads/${options.branch}`]);
      if (refCheck.code !== 0) {
        throw new BranchStoreError(`Invalid state branch name ${JSON.stringify(options.branch)}: git does not accept it as a branch name. Use a name such as "prd-bot/state".`, options.branch);
      }
      await must(["config", "user.name", options.author.name]);
      await must(["config", "user.email", options.author.email]);
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  return {
    async fetchTip() {
      await init();
      const fetched = await git(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", REMOTE, `+refs/heads/${options.branch}:${trackingRef}`]);
      if (fetched.code !== 0) {
        if (/couldn't find remote ref/i.test(fetched.stderr)) {
          // The branch does not exist (yet, or any more): an empty store.
          await git(["update-ref", "-d", trackingRef]);
          return undefined;
        }
        throw new BranchStoreError(
          `Could not fetch ${options.where}: ${options.redact(fetched.stderr.trim())}. Check the remote URL and that its credentials may read the repository.`,
          options.branch,
        );
      }
      return (await must(["rev-parse", "--verify", "--quiet", `${trackingRef}^{commit}`])).trim();
    },

    async readFile(commit, path) {
      const result = await git(["cat-file", "--batch"], { input: `${commit}:${path}\n` });
      if (result.code !== 0) throw new BranchStoreError(`Could not read ${path} from ${options.where}: ${result.stderr.trim()}`, options.branch);
      const out = result.stdout;
      const headerEnd = out.indexOf(10);
      // "<sha> blob <size>"; "<name> missing" when the path is absent; a tree is not a record.
      const header = OBJECT_HEADER.exec(out.subarray(0, headerEnd).toString("utf8"));
      if (header?.[2] !== "blob") return undefined;
      return out.subarray(headerEnd + 1, headerEnd + 1 + Number(header[3])).toString("utf8");
    },

    async listFiles(commit, prefix) {
      const out = await must(["ls-tree", "-z", commit, ...(prefix === "" ? [] : ["--", prefix])]);
      return out
        .split("\0")
        .filter((entry) => entry.length > 0)
        .map((entry) => {
          const tab = entry.indexOf("\t");
          return { type: entry.slice(0, tab).split(" ")[1], path: entry.slice(tab + 1) };
        })
        .filter((entry) => entry.type === "blob" && entry.path.startsWith(prefix) && !entry.path.slice(prefix.length).includes("/"))
        .map((entry) => entry.path)
        .sort();
    },

    async commitFiles(parent, files, message) {
      await init();
      if (parent !== undefined) {
        const existing = await inspect(parent, pathsToInspect(files.keys()));
        const problems = findPathConflicts([...files.keys()], new Map([...existing].map(([path, entry]) => [path, entry.type])));
        if (problems.length > 0) {
          throw new BranchStoreError(
            `Cannot write ${[...files.keys()].join(", ")} to ${options.where}: ${problems.join("; ")}. A path cannot be both a file and a directory; choose another record path.`,
            options.branch,
          );
        }
        // Same bytes as on the tip: a commit would only add noise to the history.
        if ([...files].every(([path, content]) => existing.get(path)?.sha === blobSha(content))) return undefined;
      }
      // A scratch ref per attempt: fast-import must update some ref, and concurrent transactions
      // of this store must not fight over one.
      const ref = `refs/prd-bot-scratch/${process.pid}-${randomBytes(6).toString("hex")}`;
      const script = fastImportScript({ ref, parent, author: options.author, time: Math.floor(Date.now() / 1000), message, files });
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
    },
  };

  /** Type and object id of each path on `commit` (absent paths are left out), in one process. */
  async function inspect(commit: string, paths: string[]): Promise<Map<string, { type: string; sha: string }>> {
    const out = await must(["cat-file", "--batch-check"], { input: paths.map((path) => `${commit}:${path}\n`).join("") });
    const found = new Map<string, { type: string; sha: string }>();
    out.split("\n").forEach((line, index) => {
      const header = OBJECT_HEADER.exec(line);
      const path = paths[index];
      if (path !== undefined && header?.[1] !== undefined && header[2] !== undefined) found.set(path, { sha: header[1], type: header[2] });
    });
    return found;
  }

  /** A pushed (or refused) commit needs no ref here any more; deleting keeps the scratch repo tidy. */
  async function dropScratchRef(commit: string): Promise<void> {
    const ref = scratchRefs.get(commit);
    if (ref === undefined) return;
    scratchRefs.delete(commit);
    await git(["update-ref", "-d", ref]);
  }
}

function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
