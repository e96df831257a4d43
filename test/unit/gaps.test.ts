import { describe, expect, it } from "vitest";
import { findGaps, gapId, gapsSince, openGaps } from "../../src/core/gaps/gaps.js";

const TAG = "[bot-eligible]";
const find = (markdown: string) => findGaps(markdown, { tag: TAG });
const md = (...lines: string[]) => lines.join("\n");

describe("findGaps", () => {
  it("takes a list item's own text; nested sub-items are gaps of their own", () => {
    const gaps = find(
      md(
        "- [ ] Parse the header row [bot-eligible]",
        "  - Reject duplicate columns [bot-eligible]",
        "    - Name the column in the error [bot-eligible]",
        "  - Not tagged",
        "- Untagged parent",
        "  - Tagged child [bot-eligible]",
      ),
    );
    expect(gaps.map((gap) => [gap.line, gap.kind, gap.text])).toEqual([
      [1, "list_item", "Parse the header row"],
      [2, "list_item", "Reject duplicate columns"],
      [3, "list_item", "Name the column in the error"],
      [6, "list_item", "Tagged child"],
    ]);
  });

  it("finds tagged headings and paragraphs and gives each its heading path, outermost first", () => {
    const gaps = find(
      md(
        "# Product",
        "## Phase 1",
        "### Parsing [bot-eligible]",
        "Support quoted fields. [bot-eligible]",
        "## Phase 2",
        "- [ ] Export to JSON [bot-eligible]",
      ),
    );
    expect(gaps.map((gap) => [gap.kind, gap.text, gap.section])).toEqual([
      ["heading", "Parsing", ["Product", "Phase 1"]],
      ["paragraph", "Support quoted fields.", ["Product", "Phase 1", "Parsing"]],
      ["list_item", "Export to JSON", ["Product", "Phase 2"]],
    ]);
  });

  it("ignores the tag in fenced and indented code, inline code, HTML and strikethrough", () => {
    const gaps = find(
      md(
        "```md",
        "- [ ] example [bot-eligible]",
        "```",
        "",
        "    - indented code [bot-eligible]",
        "",
        "- Write `[bot-eligible]` after an item to mark it",
        "- <span>[bot-eligible]</span> html wraps the tag, the words between count",
        "- ~~[bot-eligible]~~ withdrawn item",
        "<!-- [bot-eligible] -->",
      ),
    );
    // Only the item whose tag sits between two HTML tags is prose; the rest are examples or withdrawn.
    expect(gaps.map((gap) => gap.text)).toEqual(["html wraps the tag, the words between count"]);
  });

  it("keeps inline code as its text and collapses whitespace", () => {
    const [gap] = find(md("- Rename   `parseRow`   to `parseRecord`", "  in the parser [bot-eligible]"));
    expect(gap?.text).toBe("Rename parseRow to parseRecord in the parser");
  });

  it("marks checked task items as checked; openGaps keeps the unchecked ones in document order", () => {
    const gaps = find(md("- [x] Done thing [bot-eligible]", "- [ ] Open thing [bot-eligible]", "- Plain thing [bot-eligible]"));
    expect(gaps.map((gap) => [gap.text, gap.checked])).toEqual([
      ["Done thing", true],
      ["Open thing", false],
      ["Plain thing", false],
    ]);
    expect(openGaps([...gaps].reverse()).map((gap) => gap.text)).toEqual(["Open thing", "Plain thing"]);
  });

  it("reads CRLF documents like LF ones", () => {
    const lines = ["# A", "", "- one [bot-eligible]", "- two", "  continued [bot-eligible]", "", "## B", "para [bot-eligible]"];
    const lf = find(lines.join("\n"));
    const crlf = find(lines.join("\r\n"));
    expect(crlf).toEqual(lf);
    expect(crlf.map((gap) => gap.line)).toEqual([3, 4, 8]);
  });

  it("keeps the id when the item moves or is re-indented, and changes it when the words change", () => {
    const before = find(md("# A", "- Parse dates [bot-eligible]", "- Other [bot-eligible]"));
    const moved = find(md("# B", "", "Intro.", "", "- Other [bot-eligible]", "- Group", "    - [ ] Parse   dates [bot-eligible]"));
    const edited = find(md("# A", "- Parse ISO dates [bot-eligible]", "- Other [bot-eligible]"));
    const id = (gaps: typeof before, text: string) => gaps.find((gap) => gap.text.replace(/\s+/g, " ") === text)?.id;
    expect(id(moved, "Parse dates")).toBe(id(before, "Parse dates"));
    expect(id(moved, "Parse dates")).toBe(gapId("parse dates"));
    expect(id(edited, "Parse ISO dates")).not.toBe(id(before, "Parse dates"));
    expect(before[0]?.id).toMatch(/^[0-9a-f]{12}$/);
  });

  it("gives items with the same text distinct ids, by order of appearance", () => {
    const gaps = find(md("- Add tests [bot-eligible]", "- add   TESTS [bot-eligible]", "- Add tests [bot-eligible]"));
    const base = gapId("add tests");
    expect(gaps.map((gap) => gap.id)).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it("treats a tagged table body row as a paragraph gap; the header row never counts", () => {
    const gaps = find(
      md("| id [bot-eligible] | requirement | tag |", "| --- | --- | --- |", "| R1 | Export `report.csv` | [bot-eligible] |", "| R2 | Not tagged | |"),
    );
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ kind: "paragraph", text: "R1 | Export report.csv", line: 3, files: ["report.csv"] });
  });

  it("names repository paths from the text, backticked or not, without URLs", () => {
    const [gap] = find(
      "- Move `src/csv/parse.ts` logic into lib/a/b.py, see https://example.test/src/x.ts and docs.example.test/a/b.html, update `package.json` and src/csv/parse.ts. [bot-eligible]",
    );
    expect(gap?.files).toEqual(["src/csv/parse.ts", "lib/a/b.py", "package.json"]);
  });

  it("does not take prose like e.g. or Node.js for a file", () => {
    const [gap] = find("- Support Node.js 20, e.g. on CI, and I/O errors [bot-eligible]");
    expect(gap?.files).toEqual([]);
  });

  it("gives context lines around the item with the heading above it", () => {
    const lines = ["# Title", "", "## Section", "", "a", "b", "c", "d", "e", "- item [bot-eligible]", "f", "g"];
    const [gap] = findGaps(lines.join("\n"), { tag: TAG, contextLines: 2 });
    expect(gap?.context).toBe(["## Section", "…", "d", "e", "- item [bot-eligible]", "f", "g"].join("\n"));
    const [near] = findGaps(lines.join("\n"), { tag: TAG, contextLines: 7 });
    expect(near?.context.split("\n")[0]).toBe("## Section");
    expect(near?.context).not.toContain("…");
  });

  it("skips a block that holds only the tag", () => {
    expect(find(md("- [ ] [bot-eligible]", "", "[bot-eligible]"))).toEqual([]);
  });

  it("works with another tag", () => {
    const gaps = findGaps(md("- one @bot", "- two [bot-eligible]"), { tag: "@bot" });
    expect(gaps.map((gap) => gap.text)).toEqual(["one"]);
  });

  it("keeps a nested item's parent items in its context, however far above", () => {
    const md = ["## Export", "", "- CSV export of the report table", ...Array.from({ length: 8 }, (_, i) => `  - column ${i} is kept`), "  - the same for dates [bot-eligible]", "", "after"].join("\n");
    const [gap] = findGaps(md, { tag: TAG, contextLines: 1 });
    expect(gap?.text).toBe("the same for dates");
    expect(gap?.context.split("\n")).toEqual(["## Export", "…", "- CSV export of the report table", "…", "  - column 7 is kept", "  - the same for dates [bot-eligible]", ""]);
    const [top] = findGaps("- parent [bot-eligible]\n  - child\n", { tag: TAG, contextLines: 0 });
    expect(top?.context).toBe("- parent [bot-eligible]");
  });

  it("says how to fix an empty tag or a bad contextLines", () => {
    expect(() => findGaps("x", { tag: " " })).toThrow(/prd\.tag.*\.github\/prd-bot\.yml/);
    expect(() => findGaps("x", { tag: TAG, contextLines: -1 })).toThrow(/contextLines must be a whole number/);
  });

  it("finds nothing in an empty document", () => {
    expect(find("")).toEqual([]);
  });
});

describe("gapsSince", () => {
  const before = md("# A", "- [ ] Keep me [bot-eligible]", "- [ ] Reword me [bot-eligible]", "- [ ] Check me [bot-eligible]");
  const after = md(
    "# A",
    "- [x] Check me [bot-eligible]",
    "- [ ] Reworded text [bot-eligible]",
    "",
    "A paragraph moved things down.",
    "",
    "- [ ] Keep me [bot-eligible]",
    "- [ ] Brand new [bot-eligible]",
  );

  it("returns the gaps added or reworded since the old text", () => {
    expect(gapsSince(before, after, TAG).map((gap) => gap.text)).toEqual(["Reworded text", "Brand new"]);
  });

  it("returns every gap when there is no old text", () => {
    expect(gapsSince(undefined, after, TAG)).toHaveLength(4);
  });
});
