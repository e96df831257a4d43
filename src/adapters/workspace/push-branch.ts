// `git push` of one branch without force. The token travels as an http.extraHeader set through git's
// GIT_CONFIG_* environment (git 2.31+), so it never appears in argv (visible in `ps`) or in a URL.
import { PushRejectedError } from "../../ports/workspace.js";
import { GitError, execGit, redactUrls } from "./exec-git.js";

export type Remote = { url: string; authHeader?: string };

/** git's messages are matched below (rejections), so they must be in English whatever the runner's locale. */
export function authEnv(remote: Remote): Record<string, string> {
  const auth: Record<string, string> = remote.authHeader ? { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: remote.authHeader } : {};
  return { LC_ALL: "C", LANGUAGE: "C", ...auth };
}

export async function deleteRemoteBranch(root: string, remote: Remote, branch: string): Promise<void> {
  try {
    await execGit(root, ["push", remote.url, `:refs/heads/${branch}`], { env: authEnv(remote) });
  } catch (error) {
    const said = error instanceof GitError ? redactUrls(error.stderr.trim()) : (error as Error).message;
    throw new Error(`deleting ${branch} on ${redactUrls(remote.url)} failed: ${said}`);
  }
}

export async function pushBranch(root: string, remote: Remote, branch: string): Promise<void> {
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
