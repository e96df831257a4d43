// Reads many tracked files at HEAD in two git processes: `git ls-tree` for modes and sizes, then one
// `git cat-file --batch` streaming every blob. On a clean tree HEAD is the working tree, so this is what
// the cycle's context needs, without a syscall round per file. Symlinks (mode 120000) and submodules are
// skipped: a symlink's blob is its target path, and following it could leave the repository.
import { spawn } from "node:child_process";
import { decodeUtf8 } from "./decode-text.js";
import { execGit, splitNul } from "./exec-git.js";

export interface TrackedFile {
  path: string;
  size: number;
  sha: string;
}

/** Regular files tracked at `rev` (default HEAD), with their blob sizes. */
export async function listTrackedBlobs(root: string, rev = "HEAD"): Promise<TrackedFile[]> {
  const listing = await execGit(root, ["ls-tree", "-r", "-z", "--long", "--full-tree", rev]);
  const files: TrackedFile[] = [];
  for (const entry of splitNul(listing.stdout)) {
    // "<mode> SP <type> SP <sha> SP+ <size> TAB <path>"
    const tab = entry.indexOf("\t");
    const [mode, type, sha, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob" || (mode !== "100644" && mode !== "100755") || !sha) continue;
    files.push({ path: entry.slice(tab + 1), size: Number(size), sha });
  }
  return files;
}

/** The contents of `files` (from listTrackedBlobs), in order; undefined for a blob that is not valid UTF-8. */
export function readBlobs(root: string, files: readonly TrackedFile[]): Promise<(string | undefined)[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: root, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" }, stdio: ["pipe", "pipe", "pipe"] });
    const contents: (string | undefined)[] = [];
    let buffered: Buffer = Buffer.alloc(0);
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      // Each answer: "<sha> <type> <size>\n<content>\n"
      for (;;) {
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
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && contents.length === files.length) resolve(contents);
      else reject(new Error(`git cat-file --batch exited ${code} after ${contents.length}/${files.length} blobs: ${stderr.trim()}`));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(files.map((file) => `${file.sha}\n`).join(""));
  });
}
