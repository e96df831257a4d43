import { describe, expect, it } from "vitest";
import { applyEdits, planFiles } from "../../src/core/edits/edits.js";
import { matchSnippet, replaceSnippet } from "../../src/core/edits/match-snippet.js";

function replaced(text: string, search: string, replacement: string): { text: string; tolerant: boolean } {
  const result = replaceSnippet(text, search, replacement);
  if (!result.ok) throw new Error(`expected a replacement, got ${result.code}: ${result.reason}`);
  return { text: result.text, tolerant: result.tolerant };
}

const py = ["class A:", "    def f(self):", "        x = 1", "        return x", "", "    def g(self):", "        return 2", ""].join("\n");

describe("matchSnippet: exact first", () => {
  it("finds the one exact place, with offsets", () => {
    expect(matchSnippet("abc def ghi", "def")).toEqual({ ok: true, start: 4, end: 7, tolerant: false });
  });

  it("refuses an empty or whitespace-only snippet", () => {
    expect(matchSnippet("abc", "")).toEqual({ ok: false, reason: "empty", count: 0 });
    expect(matchSnippet("a\n\nb", "\n  \n")).toEqual({ ok: false, reason: "empty", count: 0 });
  });

  it("calls several exact places ambiguous, overlapping ones included, and never looks further", () => {
    expect(matchSnippet("x();\nx();\n", "x();")).toEqual({ ok: false, reason: "ambiguous", count: 2 });
    expect(matchSnippet("aaa", "aa")).toEqual({ ok: false, reason: "ambiguous", count: 2 });
  });

  it("says not_found when neither exact nor tolerant matching finds it", () => {
    expect(matchSnippet(py, "return 3")).toEqual({ ok: false, reason: "not_found", count: 0 });
    expect(replaceSnippet(py, "return 3", "return 4")).toMatchObject({ ok: false, code: "not_found", reason: expect.stringContaining("matches 0 times") });
  });

  it("keeps a partial-line exact match exact (no whole-line widening)", () => {
    expect(replaced(py, "x = 1", "x = 10")).toEqual({ text: py.replace("x = 1", "x = 10"), tolerant: false });
  });
});

describe("matchSnippet: whitespace-tolerant, still unique", () => {
  it("ignores trailing spaces on the model's lines and keeps the file's unchanged lines byte for byte", () => {
    const result = replaced(py, "        x = 1   \n        return x  \n", "        x = 2   \n        return x  \n");
    expect(result).toEqual({ text: py.replace("x = 1", "x = 2"), tolerant: true });
  });

  it("ignores trailing spaces the file has and the model dropped", () => {
    const file = "a = 1  \nb = 2\t\nc = 3\n";
    expect(replaced(file, "a = 1\nb = 2\n", "a = 1\nb = 20\n").text).toBe("a = 1  \nb = 20\nc = 3\n");
  });

  it("applies a consistent indentation shift both ways, re-indenting the replacement to the file", () => {
    // The model lost 4 spaces of indentation.
    const less = replaced(py, "    x = 1\n    return x\n", "    x = 1\n    y = x + 1\n    return y\n");
    expect(less).toEqual({ text: py.replace("        return x", "        y = x + 1\n        return y"), tolerant: true });
    // The model added 2 spaces.
    const more = replaced(py, "          x = 1\n          return x", "          x = 1\n          return x + 1");
    expect(more.text).toBe(py.replace("return x\n", "return x + 1\n"));
  });

  it("refuses an inconsistent indentation shift", () => {
    expect(matchSnippet(py, "x = 1\n    return x")).toEqual({ ok: false, reason: "not_found", count: 0 });
  });

  it("matches LF against CRLF and writes the replacement with CRLF", () => {
    const file = "one\r\ntwo\r\nthree\r\n";
    expect(replaced(file, "one\ntwo", "one\n2")).toEqual({ text: "one\r\n2\r\nthree\r\n", tolerant: true });
    // Also whole lines with an indentation shift on a CRLF file.
    const indented = "if a:\r\n    b()\r\n    c()\r\n";
    expect(replaced(indented, "b()\nc()\n", "b()\nd()\ne()\n").text).toBe("if a:\r\n    b()\r\n    d()\r\n    e()\r\n");
  });

  it("matches CRLF against an LF file and writes LF", () => {
    expect(replaced("a\nb\nc\n", "a\r\nb\r\n", "a\r\nB\r\n")).toEqual({ text: "a\nB\nc\n", tolerant: true });
  });

  it("tolerates a blank line the model dropped, keeping it in the file", () => {
    const file = "def f():\n    a = 1\n\n    b = 2\n    return a + b\n";
    const result = replaced(file, "    a = 1\n    b = 2\n    return a + b\n", "    a = 1\n    b = 3\n    return a + b\n");
    expect(result).toEqual({ text: "def f():\n    a = 1\n\n    b = 3\n    return a + b\n", tolerant: true });
  });

  it("puts a block added after a kept line after the blank line the model dropped, and a changed line before it", () => {
    const file = "a = 1\n\nb = 2\n";
    // Trailing spaces force the tolerant path.
    expect(replaced(file, "a = 1 \nb = 2 \n", "a = 1 \nx = 0 \nb = 2 \n").text).toBe("a = 1\n\nx = 0\nb = 2\n");
    expect(replaced(file, "a = 1 \nb = 2 \n", "a = 10 \nb = 2 \n").text).toBe("a = 10\n\nb = 2\n");
    // A blank line the search kept stays where the search has it.
    expect(replaced(file, "a = 1 \n\nb = 2 \n", "a = 1 \nx = 0 \n\nb = 2 \n").text).toBe("a = 1\nx = 0\n\nb = 2\n");
  });

  it("removes blank lines at the end of a file when the search had them and the replacement drops them", () => {
    const file = "def main():\n    go()\n\n\n";
    expect(replaced(file, "  go()\n\n\n", "  go()\n").text).toBe("def main():\n    go()\n");
    expect(replaced(file, "  go()\n\n", "  go()\n\n\n").text).toBe("def main():\n    go()\n\n\n\n");
  });

  it("tolerates a blank line the model added", () => {
    const file = "a = 1\nb = 2\nc = 3\n";
    expect(replaced(file, "a = 1\n\nb = 2\n", "a = 1\n\nb = 20\n").text).toBe("a = 1\nb = 20\nc = 3\n");
  });

  it("keeps leading and trailing blank lines of the snippet out of the match, adding only what the replacement adds", () => {
    const file = "x\n  a()\ny\n";
    expect(replaced(file, "\na()\n\n", "\na()\nb()\n\n").text).toBe("x\n  a()\n  b()\ny\n");
    expect(replaced(file, "a()\n", "a()\n\n\n").text).toBe("x\n  a()\n\n\ny\n");
    expect(replaced(file, "    a()\n", "\n").text).toBe("x\n\ny\n");
  });

  it("removes whole lines when the replacement is empty, leaving no empty line behind", () => {
    const file = "x\n  a()\ny\n";
    // (The search is indented differently, so this is the tolerant path; "a()\n" would match exactly inside the line.)
    expect(replaced(file, "    a()\n", "")).toEqual({ text: "x\ny\n", tolerant: true });
    expect(replaced("x\n  a()", "    a()\n", "").text).toBe("x");
    expect(replaced("  a()\ny\n", "    a()", "").text).toBe("y\n");
  });

  it("never applies a tolerant snippet that fits several places", () => {
    const file = "if a:\n    go()\n    stop()\nif b:\n  go()\n  stop()\n";
    expect(matchSnippet(file, "go()\nstop()\n")).toEqual({ ok: false, reason: "ambiguous", count: 2 });
    expect(replaceSnippet(file, "go()\nstop()\n", "x")).toMatchObject({ ok: false, code: "ambiguous", count: 2 });
    // CRLF-converted text that occurs twice is ambiguous too.
    expect(matchSnippet("a\r\nb\r\na\r\nb\r\n", "a\nb")).toEqual({ ok: false, reason: "ambiguous", count: 2 });
  });

  it("reports the tolerant span as whole lines", () => {
    const file = "x\n    a()\n    b()\ny\n";
    const match = matchSnippet(file, "a()\nb()");
    expect(match).toEqual({ ok: true, start: 2, end: file.indexOf("\ny"), tolerant: true });
  });

  it("keeps tabs when the file is indented with tabs", () => {
    const file = "func f() {\n\tx := 1\n\treturn x\n}\n";
    expect(replaced(file, "x := 1\nreturn x\n", "x := 2\nreturn x\n").text).toBe("func f() {\n\tx := 2\n\treturn x\n}\n");
  });
});

describe("applyEdits and planFiles report tolerant edits", () => {
  it("lists the edits that matched only tolerantly", () => {
    const result = applyEdits("a = 1\n  b = 2\n", [
      { old_string: "a = 1", new_string: "a = 10" },
      { old_string: "b = 2  \n", new_string: "b = 20\n" },
    ]);
    expect(result).toEqual({ ok: true, text: "a = 10\n  b = 20\n", tolerant: [1] });
  });

  it("puts them on the planned file", () => {
    const plan = planFiles(
      { summary: "s", rationale: "r", estimated_loc: 1, files: [{ path: "p.py", is_new: false, edits: [{ old_string: "x = 1 \n", new_string: "x = 2 \n" }] }] },
      new Map([["p.py", "def f():\n    x = 1\n"]]),
    );
    expect(plan).toEqual({ ok: true, files: [{ path: "p.py", mode: "UPDATE", before: "def f():\n    x = 1\n", after: "def f():\n    x = 2\n", tolerant_edits: [0] }] });
  });

  it("names the edit in a failure", () => {
    expect(applyEdits("x\nx\n", [{ old_string: "x", new_string: "y" }])).toEqual({ ok: false, reason: expect.stringMatching(/^edits\[0\]\.old_string matches 2 times/) });
  });
});
