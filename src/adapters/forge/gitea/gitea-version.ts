// Which Gitea a version string names. Workflow dispatch through the API exists from Gitea 1.24 on.
// Forgejo reports its own version with the Gitea one it is compatible with ("11.0.1+gitea-1.22.0").

export const DISPATCH_SINCE = { major: 1, minor: 24 };

/** major.minor of the Gitea API, or undefined for a string that names none. */
export function giteaVersion(version: string): { major: number; minor: number } | undefined {
  const compatible = /\+gitea-(\d+)\.(\d+)/.exec(version) ?? /^v?(\d+)\.(\d+)/.exec(version.trim());
  return compatible ? { major: Number(compatible[1]), minor: Number(compatible[2]) } : undefined;
}

/** True/false when the version says; undefined when it cannot be read (then the server decides). */
export function supportsWorkflowDispatch(version: string): boolean | undefined {
  const parsed = giteaVersion(version);
  if (!parsed) return undefined;
  return parsed.major > DISPATCH_SINCE.major || (parsed.major === DISPATCH_SINCE.major && parsed.minor >= DISPATCH_SINCE.minor);
}
