import { describe, expect, it } from "vitest";
import { selectContext } from "../../src/core/retrieval/retrieval.js";
import type { ChatRequest, ModelClient } from "../../src/ports/model.js";
import { ModelError } from "../../src/ports/model.js";
import type { Gap } from "../../src/core/types.js";
import { buildLocalizeMessages, localizeFiles, parseLocalization } from "../../src/jobs/propose/localize.js";

const FILES = [
  { path: "src/slugify.js", content: "export function slugify(title) {\n  return title.trim().toLowerCase();\n}\n" },
  { path: "test/slugify.test.js", content: "import { slugify } from '../src/slugify.js';\ntest('slugify', () => slugify('a'));\n" },
  { path: "lib/text/edges.js", content: "export function stripEdges(value) {\n  return value.replace(/^-+|-+$/g, '');\n}\n" },
];
const PATHS = new Set(FILES.map((file) => file.path));
const GAP: Gap = { id: "abc12345", text: "Slugify trims leading and trailing dashes", line: 3, section: ["Slugs"], context: "", files: [], checked: false, kind: "list_item" };

function fakeModel(answers: (string | Error)[]): ModelClient & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    models: ["fake"],
    requests,
    async chat(request) {
      requests.push(request);
      const next = answers.shift();
      if (next === undefined || next instanceof Error) throw next ?? new Error("no answer");
      return { content: next, model: "fake", usage: { prompt_tokens: 10, completion_tokens: 5 }, structured: true };
    },
  };
}

describe("parseLocalization", () => {
  it("keeps only repository paths, in order, deduplicated, at most max_files", () => {
    const text = 'Here:\n```json\n{"files": [{"path": "./lib/text/edges.js", "why": "strips dashes"}, {"path": "/etc/passwd", "why": "x"}, {"path": "lib/text/edges.js", "why": "again"}, {"path": "src/slugify.js"}, {"path": "test/slugify.test.js", "why": "t"}]}\n```';
    const parsed = parseLocalization(text, PATHS, 2);
    expect(parsed).toEqual({ ok: true, value: [
      { path: "lib/text/edges.js", why: "strips dashes" },
      { path: "src/slugify.js", why: "chosen by the localization model" },
    ] });
  });

  it("rejects an answer without a files list", () => {
    expect(parseLocalization("no json", PATHS, 3)).toMatchObject({ ok: false });
    expect(parseLocalization('{"paths": []}', PATHS, 3)).toMatchObject({ ok: false, error: expect.stringContaining('{"files"') });
  });
});

describe("localization pinned into the selection", () => {
  it("puts the chosen file in a selection that BM25 alone leaves it out of", async () => {
    const limits = { maxTokens: 2000, maxFiles: 2, mapShare: 0 };
    const plain = selectContext(GAP, FILES, limits);
    expect(plain.files.map((file) => file.path)).not.toContain("lib/text/edges.js");

    const model = fakeModel([JSON.stringify({ files: [{ path: "lib/text/edges.js", why: "stripEdges removes dashes" }, { path: "nope.js", why: "x" }] })]);
    const messages = buildLocalizeMessages(GAP, FILES, plain, { prdPath: "docs/PRD.md", maxFiles: 2 });
    expect(messages[1]?.content).toContain("lib/text/edges.js");
    expect(messages[1]?.content).not.toContain("replace(/^-+"); // file text is never sent, only names and outlines
    const found = await localizeFiles(model, messages, PATHS, { maxFiles: 2, maxTokens: 500, temperature: 0 });
    expect(found).toEqual({ ok: true, files: [{ path: "lib/text/edges.js", why: "stripEdges removes dashes" }], model: "fake", tokens: { prompt: 10, completion: 5 } });
    expect(model.requests.map((request) => request.purpose)).toEqual(["localize"]);

    const pinned = selectContext(GAP, FILES, { ...limits, pinned: found.files });
    expect(pinned.files[0]?.path).toBe("lib/text/edges.js");
  });

  it("falls back, saying why, when the call fails", async () => {
    const failed = await localizeFiles(fakeModel([new ModelError("all models failed", [])]), [], PATHS, { maxFiles: 2, maxTokens: 500, temperature: 0 });
    expect(failed).toMatchObject({ ok: false, files: [], fallback: expect.stringContaining("the call failed") });
    const empty = await localizeFiles(fakeModel(['{"files": [{"path": "made/up.js", "why": "x"}]}']), [], PATHS, { maxFiles: 2, maxTokens: 500, temperature: 0 });
    expect(empty).toMatchObject({ ok: false, fallback: expect.stringContaining("named no file") });
  });
});
