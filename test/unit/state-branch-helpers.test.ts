// Pure helpers of the state-branch store: push-failure classification, credential redaction,
// path checks, commit messages, fast-import input and backoff.
import { describe, expect, it } from "vitest";
import { backoffMs } from "../../src/adapters/state/branch-store.js";
import { classifyPushFailure } from "../../src/adapters/state/classify-push-failure.js";
import { fastImportScript } from "../../src/adapters/state/fast-import-script.js";
import { findPathConflicts, pathsToInspect } from "../../src/adapters/state/path-conflicts.js";
import { createRedactor } from "../../src/adapters/state/redact-credentials.js";
import { checkStatePath, directoryPrefix, stateCommitMessage } from "../../src/adapters/state/state-path.js";

const porcelain = (status: string): string => `To /tmp/remote.git\n!\tabc:refs/heads/prd-bot/state\t${status}\nDone\n`;

describe("classifyPushFailure", () => {
  it.each([
    ["[rejected] (non-fast-forward)", ""],
    ["[rejected] (fetch first)", ""],
    ["[rejected] (stale info)", ""],
    ["[remote rejected] (failed to update ref)", ""],
    ["[remote rejected] (cannot lock ref 'refs/heads/prd-bot/state': is at 1234567abc but expected 7654321def)", ""],
    ["[remote rejected] (incorrect old value provided)", ""],
  ])("treats %s as a lost race", (status, stderr) => {
    expect(classifyPushFailure(porcelain(status), stderr).kind).toBe("conflict");
  });

  it("treats a hook refusal as final and keeps the remote's words, even if they mention a race", () => {
    const failure = classifyPushFailure(porcelain("[remote rejected] (pre-receive hook declined)"), "remote: frozen: non-fast-forward pushes are disabled\nerror: failed to push some refs to 'x'\n");
    expect(failure).toEqual({ kind: "refused", reason: "[remote rejected] (pre-receive hook declined); remote says: frozen: non-fast-forward pushes are disabled" });
  });

  it("treats auth and network failures (no status line) as final", () => {
    const failure = classifyPushFailure("", "fatal: Authentication failed for 'https://github.com/o/r.git/'\n");
    expect(failure.kind).toBe("refused");
    expect(failure.reason).toContain("Authentication failed");
    expect(classifyPushFailure("", "fatal: unable to access 'https://h/': Could not resolve host: h\n").kind).toBe("refused");
  });
});

describe("createRedactor", () => {
  it("removes the token, the user name and any userinfo from texts", () => {
    const redact = createRedactor("https://x-access-token:ghs_abc%2Fdef123@github.com/o/r.git");
    expect(redact("fatal: could not read from https://x-access-token:ghs_abc%2Fdef123@github.com/o/r.git")).toBe("fatal: could not read from https://***@github.com/o/r.git");
    expect(redact("token ghs_abc/def123 and ghs_abc%2Fdef123 leaked")).toBe("token *** and *** leaked");
    expect(redact("other http://u:p@host/ url")).toBe("other http://***@host/ url");
  });

  it("leaves local paths alone", () => {
    expect(createRedactor("/tmp/remote.git")("fatal: '/tmp/remote.git' does not appear to be a git repository")).toContain("/tmp/remote.git");
  });
});

describe("state paths", () => {
  it("accepts record paths and rejects escapes with a reason", () => {
    expect(checkStatePath("cycles/abc.json")).toBe("cycles/abc.json");
    expect(() => checkStatePath("../x")).toThrow(/"\.\.\/x": it contains \. or \.\. segments/);
    expect(() => checkStatePath("a//b")).toThrow(/empty segment/);
    expect(() => checkStatePath(".git/config")).toThrow(/\.git segment/);
    expect(() => checkStatePath("cycles/")).toThrow(/names a directory/);
    expect(() => checkStatePath("")).toThrow(/empty/);
    expect(directoryPrefix("cycles/")).toBe("cycles/");
    expect(directoryPrefix("")).toBe("");
  });

  it("finds file/directory clashes against the tip and within one transaction", () => {
    expect(pathsToInspect(["a/b/c.json", "d.json"])).toEqual(["a/b/c.json", "a", "a/b", "d.json"]);
    const types = new Map([["cycles", "tree"], ["notes", "blob"]]);
    expect(findPathConflicts(["cycles/x.json", "events.jsonl"], types)).toEqual([]);
    expect(findPathConflicts(["cycles"], types)).toEqual(["cycles is a directory on the state branch"]);
    expect(findPathConflicts(["notes/a.json"], types)).toEqual(["notes is a file on the state branch, so notes/a.json cannot be created under it"]);
    expect(findPathConflicts(["x", "x/y"], new Map())).toEqual(["x and x/y are both written in this transaction"]);
  });

  it("names the changed paths in the commit message", () => {
    expect(stateCommitMessage(["cycles/abc.json", "budget/2026-11-21.json"])).toBe("prd-bot state: budget/2026-11-21.json, cycles/abc.json\n");
    const long = stateCommitMessage(["a", "b", "c", "d", "e", "f"]);
    expect(long.split("\n")[0]).toBe("prd-bot state: a, b, c, d and 2 more");
    expect(long).toContain("- f\n");
  });
});

describe("fastImportScript", () => {
  it("counts bytes, quotes paths and only names a parent when there is one", () => {
    const script = fastImportScript({
      ref: "refs/prd-bot-scratch/1",
      parent: undefined,
      author: { name: "prd-bot", email: "prd-bot@users.noreply.github.com" },
      time: 1700000000,
      message: "m\n",
      files: new Map([['a "b".jsonl', "é\n"]]),
    });
    expect(script).toBe(
      'commit refs/prd-bot-scratch/1\nmark :1\nauthor prd-bot <prd-bot@users.noreply.github.com> 1700000000 +0000\ncommitter prd-bot <prd-bot@users.noreply.github.com> 1700000000 +0000\ndata 2\nm\n\nM 100644 inline "a \\"b\\".jsonl"\ndata 3\né\n\nget-mark :1\ndone\n',
    );
    expect(fastImportScript({ ref: "r", parent: "abc", author: { name: "a", email: "b" }, time: 1, message: "", files: new Map() })).toContain("\nfrom abc\n");
  });
});

describe("backoffMs", () => {
  it("grows with the attempt number and the attempt's duration, within a cap", () => {
    const top = (): number => 1; // the upper edge of the jitter
    expect(backoffMs(0, 50, top)).toBe(50);
    expect(backoffMs(2, 50, top)).toBe(200);
    expect(backoffMs(10, 50, top)).toBe(1000);
    expect(backoffMs(10, 500, top)).toBe(4000);
    expect(backoffMs(3, 1, top)).toBe(160); // a floor, so instant attempts still spread
    expect(backoffMs(5, 500, () => 0)).toBe(0);
  });
});
