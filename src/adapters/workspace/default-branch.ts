// The default branch of a local checkout, as far as git knows it: origin's HEAD when the clone recorded it,
// else main or master when one of them exists. Undefined when nothing says.
import { execGit } from "./exec-git.js";

export async function localDefaultBranch(root: string): Promise<string | undefined> {
  const origin = await execGit(root, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], { okCodes: [1, 128] });
  if (origin.code === 0) return origin.stdout.trim().replace(/^refs\/remotes\/origin\//, "");
  for (const name of ["main", "master"]) {
    const found = await execGit(root, ["rev-parse", "--verify", "--quiet", `refs/heads/${name}`], { okCodes: [1] });
    if (found.code === 0) return name;
  }
  return undefined;
}
