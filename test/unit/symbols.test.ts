import { beforeAll, describe, expect, it } from "vitest";
import { initParsers } from "../../src/adapters/parsers/init-parsers.js";
import { outlineOf } from "../../src/core/retrieval/outline.js";
import { regionsAround } from "../../src/core/retrieval/regions.js";
import { parsedLanguages, symbolsOf, type CodeSymbol } from "../../src/core/retrieval/symbols.js";

const brief = (symbols: CodeSymbol[]) => symbols.map((s) => [s.kind, s.container ? `${s.container}.${s.name}` : s.name, s.startLine, s.endLine]);

const PYTHON = `import os
from typing import Any

MAX_REDIRECTS = 30


@decorator
def merge_setting(request: Any, session: Any) -> Any:
    # comment between header and body
    return request or session


class Session(Mixin):
    """A session."""

    limit = 3

    def __init__(self) -> None:
        #: héllo wörld, non-ASCII before the body
        self.headers = {}

    @property
    def send(self, request):
        def local_helper():
            pass
        return local_helper()
`;

const TYPESCRIPT = `import { x } from "./x.js";

export const LIMIT = 3;
export const parseRow = (row: string): string[] => row.split(",");

export interface Options {
  limit: number;
}

export type Id = string;

/** Docs. */
export class Exporter extends Base {
  private count = 0;

  async run(input: Options): Promise<void> {
    const inner = () => 1;
    await this.flush(inner());
  }

  flush(n: number): void {}
}

function helper(): void {}
`;

const GO = `package cobra

import "fmt"

const (
\tA = 1
\tB = 2
)

type Command struct {
\tUse string
}

type Runner interface {
\tRun() error
}

func (c *Command) Execute() error {
\treturn nil
}

func New() *Command { return &Command{} }
`;

const RUST = `use std::fmt;

pub struct Point { x: i32 }

pub trait Shape {
    fn area(&self) -> f64;
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.x)
    }
}

pub fn origin() -> Point {
    Point { x: 0 }
}

const MAX: u32 = 10;
`;

describe("symbolsOf with tree-sitter", () => {
  beforeAll(async () => {
    const ready = await initParsers();
    expect(ready.failed).toEqual([]);
  });

  it("loads the grammars for TS/TSX/JS, Python, Go, Rust and Java", () => {
    expect(parsedLanguages().sort()).toEqual(["go", "java", "javascript", "python", "rust", "tsx", "typescript"]);
  });

  it("reads Python: decorators start the symbol, members get their class, local helpers are left out", () => {
    const symbols = symbolsOf("requests/sessions.py", PYTHON);
    expect(brief(symbols)).toEqual([
      ["constant", "MAX_REDIRECTS", 4, 4],
      ["function", "merge_setting", 7, 10],
      ["class", "Session", 13, 26],
      ["method", "Session.__init__", 18, 20],
      ["method", "Session.send", 22, 26],
    ]);
    expect(symbols[1]?.signature).toBe("def merge_setting(request: Any, session: Any) -> Any");
    // The comment with non-ASCII text between the header and the body is not part of the signature.
    expect(symbols[3]?.signature).toBe("def __init__(self) -> None");
  });

  it("reads TypeScript: exports, arrow functions, interfaces, types, classes and methods", () => {
    const symbols = symbolsOf("src/export.ts", TYPESCRIPT);
    expect(brief(symbols)).toEqual([
      ["constant", "LIMIT", 3, 3],
      ["function", "parseRow", 4, 4],
      ["interface", "Options", 6, 8],
      ["type", "Id", 10, 10],
      ["class", "Exporter", 13, 22],
      ["method", "Exporter.run", 16, 19],
      ["method", "Exporter.flush", 21, 21],
      ["function", "helper", 24, 24],
    ]);
    expect(symbols[1]?.signature).toBe("export const parseRow = (row: string): string[] => row.split(\",\")");
    expect(symbols[5]?.signature).toBe("async run(input: Options): Promise<void>");
  });

  it("reads Go: grouped constants, structs, interfaces, methods with their receiver", () => {
    expect(brief(symbolsOf("command.go", GO))).toEqual([
      ["constant", "A", 5, 8],
      ["constant", "B", 7, 7],
      ["struct", "Command", 10, 12],
      ["interface", "Runner", 14, 16],
      ["method", "Command.Execute", 18, 20],
      ["function", "New", 22, 22],
    ]);
  });

  it("reads Rust: structs, traits with their methods, impls named by trait and type", () => {
    const symbols = symbolsOf("src/point.rs", RUST);
    expect(brief(symbols)).toEqual([
      ["struct", "Point", 3, 3],
      ["trait", "Shape", 5, 7],
      ["method", "Shape.area", 6, 6],
      ["impl", "fmt::Display for Point", 9, 13],
      ["method", "fmt::Display for Point.fmt", 10, 12],
      ["function", "origin", 15, 17],
      ["constant", "MAX", 19, 19],
    ]);
  });

  it("reads Java classes and methods", () => {
    const java = "package a;\n\npublic class Greeter {\n  public Greeter() {}\n\n  public String greet(String name) {\n    return name;\n  }\n}\n";
    expect(brief(symbolsOf("src/Greeter.java", java))).toEqual([
      ["class", "Greeter", 3, 9],
      ["method", "Greeter.Greeter", 4, 4],
      ["method", "Greeter.greet", 6, 8],
    ]);
  });
});

describe("symbolsOf fallback (regex)", () => {
  it("finds Python definitions by indentation, as the parser does for ordinary code", () => {
    expect(brief(symbolsOf("a.py", PYTHON, { parser: "regex" }))).toEqual(brief(symbolsOf("a.py", PYTHON)));
  });

  it("finds brace-language definitions by their braces (TypeScript, Go, C, Kotlin)", () => {
    expect(brief(symbolsOf("command.go", GO, { parser: "regex" }))).toEqual([
      ["struct", "Command", 10, 12],
      ["interface", "Runner", 14, 16],
      ["function", "Execute", 18, 20],
      ["function", "New", 22, 22],
    ]);
    const c = "#include <stdio.h>\n\nstatic int add(int a, int b)\n{\n  return a + b;\n}\n\nstruct point {\n  int x;\n};\n";
    expect(brief(symbolsOf("src/add.c", c))).toEqual([
      ["function", "add", 3, 6],
      ["struct", "point", 8, 10],
    ]);
    const kotlin = "class Repo {\n    fun load(id: String): Item {\n        return Item(id)\n    }\n}\n";
    expect(brief(symbolsOf("Repo.kt", kotlin))).toEqual([
      ["class", "Repo", 1, 5],
      ["method", "Repo.load", 2, 4],
    ]);
  });

  it("finds Ruby definitions and nothing in prose or data files", () => {
    expect(brief(symbolsOf("lib/a.rb", "module A\n  class B\n    def run!\n      1\n    end\n  end\nend\n"))).toEqual([
      ["module", "A", 1, 7],
      ["class", "A.B", 2, 6],
      ["method", "B.run!", 3, 5],
    ]);
    expect(symbolsOf("README.md", "def not_code():\n  pass\n")).toEqual([]);
  });
});

describe("outlineOf", () => {
  it("lists imports and signatures with line ranges, members indented", async () => {
    await initParsers();
    expect(outlineOf("requests/sessions.py", PYTHON)).toBe(
      [
        "1: import os",
        "2: from typing import Any",
        "4: MAX_REDIRECTS = 30",
        "7-10: def merge_setting(request: Any, session: Any) -> Any",
        "13-26: class Session(Mixin)",
        "  18-20: def __init__(self) -> None",
        "  22-26: def send(self, request)",
      ].join("\n"),
    );
  });
});

describe("regionsAround", () => {
  const big = [
    "import os",
    ...Array.from({ length: 40 }, (_, i) => `def small_${i}(x):\n    return x + ${i}\n`),
    "def huge(x):",
    ...Array.from({ length: 300 }, (_, i) => `    x = x + ${i}  # step ${i}`),
    "    return x",
  ].join("\n");

  it("shows the whole enclosing definition with line numbers, and marks what it leaves out", async () => {
    await initParsers();
    const line = big.split("\n").findIndex((l) => l.startsWith("def small_7")) + 2;
    const regions = regionsAround("m.py", big, [line], { maxTokens: 2000 });
    expect(regions.partial).toBe(true);
    expect(regions.ranges).toEqual([{ start: line - 1, end: line }]);
    expect(regions.text).toContain(`${line - 1}│ def small_7(x):`);
    expect(regions.text).toContain(`${line}│     return x + 7`);
    expect(regions.text.split("\n")[0]).toBe(`⋮ (lines 1-${line - 2} not shown)`);
  });

  it("falls back to a window with the definition's header when the definition does not fit", () => {
    const lines = big.split("\n");
    const header = lines.indexOf("def huge(x):") + 1;
    const target = lines.indexOf("    x = x + 150  # step 150") + 1;
    const regions = regionsAround("m.py", big, [target], { maxTokens: 500 });
    expect(regions.ranges[0]).toEqual({ start: header, end: header });
    expect(regions.ranges[1]).toEqual({ start: target - 12, end: target + 12 });
  });

  it("keeps to the budget, first lines first, and says whole when everything fits", () => {
    const lines = big.split("\n");
    const a = lines.indexOf("    x = x + 10  # step 10") + 1;
    const b = lines.indexOf("def small_3(x):") + 1;
    const tight = regionsAround("m.py", big, [a, b], { maxTokens: 60 });
    expect(tight.ranges.some((range) => range.start <= a && a <= range.end)).toBe(true);
    expect(tight.ranges.some((range) => range.start <= b && b <= range.end)).toBe(false);
    const small = "def f():\n    return 1\n";
    expect(regionsAround("s.py", small, [2], { maxTokens: 100 })).toEqual({ text: "1│ def f():\n2│     return 1", ranges: [{ start: 1, end: 2 }], partial: false });
    const plain = regionsAround("m.py", big, [b], { maxTokens: 200, numbered: false });
    expect(plain.text).toContain(`@@ lines ${b}-${b + 1} @@\ndef small_3(x):\n    return x + 3`);
  });
});
