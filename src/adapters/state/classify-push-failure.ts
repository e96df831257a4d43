// Tells a lost compare-and-swap race (retry on a fresh tip) from a push the remote refuses for
// another reason (hook, protection, auth, network: fail at once). Works on `git push --porcelain`
// stdout plus stderr, with LC_ALL=C.

export type PushFailure =
  | { kind: "conflict"; reason: string }
  | { kind: "refused"; reason: string };

// Reasons git (and GitHub/Gitea) give when the ref moved under us or is being moved right now.
const CONFLICT_REASONS = [
  /\bnon-fast-forward\b/i,
  /\bfetch first\b/i,
  /\bstale info\b/i,
  /\bcannot lock ref\b/i,
  /\bfailed to lock\b/i,
  /\bfailed to update ref\b/i,
  /\bincorrect old value\b/i,
  /\bis at [0-9a-f]{7,} but expected\b/i,
  /\breference already exists\b/i,
  /\bremote contains work that you do\s+not have\b/i,
];

export function classifyPushFailure(stdout: string, stderr: string): PushFailure {
  // Porcelain status line of the refused ref: "!\t<src>:<dst>\t[rejected] (fetch first)".
  const statusLine = stdout.split("\n").find((line) => line.startsWith("!\t"));
  const status = statusLine ? (statusLine.split("\t")[2] ?? "").trim() : "";
  const remoteLines = stderr
    .split("\n")
    .filter((line) => line.startsWith("remote:"))
    .map((line) => line.slice("remote:".length).trim())
    .filter((line) => line.length > 0);
  const fatal = stderr
    .split("\n")
    .filter((line) => /^(fatal|error):/.test(line) && !/failed to push some refs/.test(line))
    .map((line) => line.trim());

  const evidence = status || fatal.join(" ");
  if (CONFLICT_REASONS.some((pattern) => pattern.test(evidence))) {
    return { kind: "conflict", reason: evidence };
  }
  const parts = [status, ...fatal, ...remoteLines.map((line) => `remote says: ${line}`)].filter((part) => part.length > 0);
  return { kind: "refused", reason: parts.length > 0 ? parts.join("; ") : stderr.trim() || "git push failed without a message" };
}
