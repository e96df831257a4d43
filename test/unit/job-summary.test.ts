// The job summary through @actions/core's real summary writer into a temp GITHUB_STEP_SUMMARY file:
// tables for cycles and budget, other people's words escaped, secrets removed, outputs chosen sensibly.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failureOf, mainRecord, outcomeOf, type ActionResult } from "../../src/action/action-result.js";
import { escapeHtml, redactSecrets, writeJobSummary } from "../../src/action/job-summary.js";
import type { CycleRecord } from "../../src/core/types.js";

let dir: string;
let file: string;
const previous = process.env.GITHUB_STEP_SUMMARY;

// core.summary remembers the file of its first write, so one file serves every test, emptied before each.
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-summary-"));
  file = path.join(dir, "summary.md");
  process.env.GITHUB_STEP_SUMMARY = file;
});

beforeEach(() => writeFile(file, ""));

afterAll(async () => {
  if (previous === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = previous;
  await rm(dir, { recursive: true, force: true });
});

function record(over: Partial<CycleRecord>): CycleRecord {
  return {
    cycle_id: "20261121T000000Z-abc123",
    version: "0.1.0",
    started_at: "2026-11-21T00:00:00Z",
    finished_at: "2026-11-21T00:01:00Z",
    outcome: "ok",
    reason: "draft PR opened",
    gap: { id: "1a2b3c4d5e6f", text: "slugify trims <dashes> & \"quotes\"", line: 7, section: ["Slugs"] },
    files: [{ path: "src/slugify.js", mode: "UPDATE" }, { path: "test/t.test.js", mode: "ADD" }],
    tokens: { prompt: 1200, completion: 300, total: 1500 },
    model: "default/coder-1",
    calls: 1,
    attempts: 1,
    test: { command: "node --test", exit_code: 0, timed_out: false, duration_ms: 2345, output_tail: "", passed: true },
    branch: "prd-bot/1a2b3c4d5e6f",
    commit: "f".repeat(40),
    base: { branch: "main", sha: "e".repeat(40) },
    pr_url: "https://github.com/acme/app/pull/7",
    dry_run: false,
    transcript: null,
    timings: {},
    ...over,
  };
}

describe("writeJobSummary", () => {
  it("writes a cycle table and the budget left, escaping gap text and removing secrets", async () => {
    const secret = "ghs_supersecret123";
    const result: ActionResult = {
      job: "cycle",
      reason: "push changed docs/PRD.md",
      records: [record({}), record({ cycle_id: "c2", outcome: "tests_failed", reason: `token ${secret} leaked?`, pr_url: null, test: null })],
      notes: ["<script>alert(1)</script>"],
      budget: { day: "2026-11-21", calls: { used: 3, limit: 20 }, tokens: { used: 4000, limit: 160000 } },
      stateDescription: 'state branch "prd-bot/state" of http://127.0.0.1/acme/app.git',
    };
    await writeJobSummary(core.summary, result, [secret]);
    const text = await readFile(file, "utf8");
    expect(text).toContain("<table>");
    expect(text).toContain("<th>Outcome</th>");
    expect(text).toContain("slugify trims &lt;dashes&gt; &amp; &quot;quotes&quot;");
    expect(text).toContain('<a href="https://github.com/acme/app/pull/7">');
    expect(text).toContain("src/slugify.js (UPDATE), test/t.test.js (ADD)");
    expect(text).toContain("passed in 2.3 s");
    expect(text).toContain("1500 (1200 in, 300 out)");
    expect(text).toContain("Budget left today (UTC 2026-11-21)");
    expect(text).toMatch(/<td>Tokens<\/td><td>4000<\/td><td>160000<\/td><td>156000<\/td>/);
    expect(text).toContain("&lt;script&gt;");
    expect(text).not.toContain("<script>");
    expect(text).not.toContain(secret);
    expect(text).toContain("token *** leaked?");
    // The outputs describe the failed cycle: that is the one to look at.
    expect(outcomeOf(result)).toBe("tests_failed");
    expect(mainRecord(result.records)?.cycle_id).toBe("c2");
    expect(failureOf(result)).toContain("cycle c2 (gap 1a2b3c4d5e6f): tests_failed");
  });

  it("lists gaps, and says none/listed/unavailable when no cycle ran", async () => {
    const listed: ActionResult = {
      job: "gaps",
      reason: "command input: list the gaps",
      records: [],
      notes: [],
      gaps: [{ id: "abc", line: 3, text: "a gap", section: [], checked: true, kind: "list_item", context: "", files: [] }],
    };
    await writeJobSummary(core.summary, listed, []);
    const text = await readFile(file, "utf8");
    expect(text).toContain("<td>abc</td><td>done</td><td>3</td><td>a gap</td>");
    expect(outcomeOf(listed)).toBe("listed");
    expect(outcomeOf({ ...listed, job: "review", unavailable: true, gaps: undefined })).toBe("unavailable");
    expect(outcomeOf({ ...listed, job: "cycle", gaps: undefined })).toBe("none");
    expect(failureOf(listed)).toBeUndefined();
  });
});

describe("escapeHtml and redactSecrets", () => {
  it("escape every HTML-special character and ignore too-short secrets", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(redactSecrets("abc abcd abcd", ["abc", "abcd"])).toBe("abc *** ***");
  });
});
