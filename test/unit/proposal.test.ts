import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { parseProposal, proposalJsonSchema } from "../../src/core/propose/proposal.js";

const valid = {
  summary: "Add parseCityState edge case",
  rationale: "The PRD asks for it; the test proves it.",
  estimated_loc: 12,
  files: [
    { path: "src/city.ts", is_new: false, edits: [{ old_string: "return a;", new_string: "return b;" }] },
    { path: "test/city.test.ts", is_new: true, content: "it('works', () => {\n  expect(f('{')).toBe('}');\n});\n" },
  ],
};
const json = JSON.stringify(valid);

function error(text: string): string {
  const result = parseProposal(text);
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.proposal)}`);
  return result.error;
}

describe("parseProposal: extraction", () => {
  it("accepts raw JSON and returns the typed proposal", () => {
    const result = parseProposal(json);
    expect(result).toEqual({ ok: true, proposal: valid });
  });

  it("accepts a ```json fence with prose before and after", () => {
    const result = parseProposal(`Sure! Here is the change:\n\n\`\`\`json\n${JSON.stringify(valid, null, 2)}\n\`\`\`\n\nLet me know.`);
    expect(result.ok && result.proposal).toEqual(valid);
  });

  it("accepts an object inside prose without a fence", () => {
    const result = parseProposal(`I propose {this}: ${json} — that is all {really`);
    expect(result.ok && result.proposal.summary).toBe(valid.summary);
  });

  it("matches braces string-aware: braces, quotes and fences inside strings do not end the object", () => {
    const tricky = {
      ...valid,
      files: [{ path: "README.md", is_new: true, content: 'a } b { c "q" \\ ```json\n{"x": 1}\n```\n}}}' }],
    };
    const result = parseProposal(`Answer:\n${JSON.stringify(tricky)}\nDone.`);
    expect(result.ok && result.proposal).toEqual(tricky);
    const fenced = parseProposal(`\`\`\`json\n${JSON.stringify(tricky, null, 2)}\n\`\`\``);
    expect(fenced.ok && fenced.proposal).toEqual(tricky);
  });

  it("finds the object after an unclosed brace in the prose before it", () => {
    const result = parseProposal(`Format: {summary, files... anyway:\n${json}`);
    expect(result.ok && result.proposal.files).toHaveLength(2);
  });

  it("reports pathological input as cut off (its speed: bench/core-parsing.ts)", () => {
    expect(error(`${"{".repeat(20_000)}x`)).toContain("cut off");
    expect(error(`${'{"a":'.repeat(5000)}`)).toContain("cut off");
  });

  it("prefers the object that is a proposal over an earlier example object", () => {
    const result = parseProposal(`The format is {"a": 1}. Here it is: ${json}`);
    expect(result.ok && result.proposal.estimated_loc).toBe(12);
  });

  it("reports truncated JSON (cut off by the token limit) with what is missing", () => {
    const cut = json.slice(0, json.indexOf("return b;"));
    const message = error(`\`\`\`json\n${cut}`);
    expect(message).toContain("cut off inside a string");
    expect(message).toContain("line 2");
    expect(message).toContain('missing "}]}]}"');
    expect(message).toContain("token limit");
  });

  it("reports truncation even when complete inner objects survive", () => {
    const cut = json.slice(0, json.indexOf(',{"path":"test/'));
    expect(error(cut)).toContain("cut off before its end");
  });

  it("reports invalid JSON syntax with the parser's message", () => {
    expect(error('{"summary": "s", "files": [],}')).toMatch(/^the JSON object at line 1 is not valid JSON: .*(property name|Unexpected)/);
    expect(error('{"summary": "line\nbreak"}')).toContain("escape newlines");
  });

  it("reports an empty answer and an answer without any object", () => {
    expect(error("  \n")).toContain("empty");
    expect(error("I cannot do that.")).toContain("no JSON object found");
    expect(error("[1, 2]")).toContain("no JSON object found");
  });
});

describe("parseProposal: validation", () => {
  it("names missing keys with the expected type", () => {
    const { rationale: _r, ...rest } = valid;
    expect(error(JSON.stringify(rest))).toBe("the proposal does not match the schema: rationale: missing (expected string)");
  });

  it("names wrong types with key path, expected and received", () => {
    const bad = { ...valid, summary: 3, files: [{ path: "a.ts", is_new: "yes", content: "x" }] };
    const message = error(JSON.stringify(bad));
    expect(message).toContain("summary: expected string, got number 3");
    expect(message).toContain('files[0].is_new: expected boolean, got string "yes"');
  });

  it("rejects unknown keys at every level, naming the allowed ones", () => {
    expect(error(JSON.stringify({ ...valid, confidence: 0.9 }))).toContain('(top level): unknown key "confidence" (allowed: summary, rationale, estimated_loc, files)');
    const fileExtra = { ...valid, files: [{ path: "a", is_new: true, content: "x", mode: "ADD" }] };
    expect(error(JSON.stringify(fileExtra))).toContain('files[0]: unknown key "mode"');
    const editExtra = { ...valid, files: [{ path: "a", is_new: false, edits: [{ old_string: "a", new_string: "b", line: 3 }] }] };
    expect(error(JSON.stringify(editExtra))).toContain('files[0].edits[0]: unknown key "line" (allowed: old_string, new_string)');
  });

  it("explains the file shapes: content or edits, not both, and edits only on existing files", () => {
    const both = { ...valid, files: [{ path: "a", is_new: false, content: "x", edits: [] }] };
    expect(error(JSON.stringify(both))).toContain('files[0]: give either "content" or "edits", not both');
    const neither = { ...valid, files: [{ path: "a", is_new: true }] };
    expect(error(JSON.stringify(neither))).toContain('files[0]: missing "content" (whole file) or "edits"');
    const newEdits = { ...valid, files: [{ path: "a", is_new: true, edits: [{ old_string: "a", new_string: "b" }] }] };
    expect(error(JSON.stringify(newEdits))).toContain("files[0].is_new: must be false for a file with edits");
    const wrongEdit = { ...valid, files: [{ path: "a", is_new: false, edits: [{ old_string: 1, new_string: "b" }] }] };
    expect(error(JSON.stringify(wrongEdit))).toContain("files[0].edits[0].old_string: expected string, got number 1");
    expect(error(JSON.stringify({ ...valid, files: ["a.ts"] }))).toContain('files[0]: expected a file object');
  });

  it("rejects empty files and empty edits, an empty summary, and a non-integer estimate", () => {
    expect(error(JSON.stringify({ ...valid, files: [] }))).toContain("files: must not be empty");
    const noEdits = { ...valid, files: [{ path: "a", is_new: false, edits: [] }] };
    expect(error(JSON.stringify(noEdits))).toContain("files[0].edits: must not be empty");
    expect(error(JSON.stringify({ ...valid, summary: "  " }))).toContain("summary: must not be empty");
    expect(error(JSON.stringify({ ...valid, estimated_loc: 2.5 }))).toContain("estimated_loc: expected an integer, got number 2.5");
    expect(error(JSON.stringify({ ...valid, estimated_loc: -1 }))).toContain("estimated_loc: must be at least 0");
  });

  it("coerces a numeric string for estimated_loc, and nothing else", () => {
    const quoted = parseProposal(JSON.stringify({ ...valid, estimated_loc: " 40 " }));
    expect(quoted.ok && quoted.proposal.estimated_loc).toBe(40);
    expect(error(JSON.stringify({ ...valid, estimated_loc: "about 40" }))).toContain('estimated_loc: expected number, got string "about 40"');
    const flag = { ...valid, files: [{ path: "a", is_new: "true", content: "x" }] };
    expect(error(JSON.stringify(flag))).toContain("files[0].is_new: expected boolean");
  });

  it("caps a long list of issues", () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ path: `f${i}`, is_new: 1, content: "x" }));
    const message = error(JSON.stringify({ ...valid, files }));
    expect(message).toContain("files[5].is_new");
    expect(message).not.toContain("files[6].is_new");
    expect(message).toMatch(/and 4 more$/);
  });
});

describe("proposalJsonSchema", () => {
  it("is an OpenAI-style strict schema: objects closed, every property required, no $schema", () => {
    expect(proposalJsonSchema["$schema"]).toBeUndefined();
    expect(proposalJsonSchema["type"]).toBe("object");
    expect(proposalJsonSchema["additionalProperties"]).toBe(false);
    expect(proposalJsonSchema["required"]).toEqual(["summary", "rationale", "estimated_loc", "files"]);
    const text = JSON.stringify(proposalJsonSchema);
    expect(text).not.toContain("minLength");
    expect(text).toContain('"additionalProperties":false');
  });

  it("accepts what parseProposal accepts and rejects what it rejects", () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(proposalJsonSchema);
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, extra: 1 })).toBe(false);
    expect(validate({ ...valid, files: [] })).toBe(false);
    expect(validate({ ...valid, files: [{ path: "a", is_new: true, edits: [{ old_string: "a", new_string: "b" }] }] })).toBe(false);
  });
});
