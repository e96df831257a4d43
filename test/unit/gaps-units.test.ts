// The fast path of findGaps parses only some units of the PRD (src/core/gaps-units.ts). These tests prove
// it finds exactly what parsing the whole document finds, on documents built from tricky markdown.
// GAPS_SEEDS=5000 runs a longer search (about 40 s; it passed when this was written).
import { describe, expect, it } from "vitest";
import { findGaps } from "../../src/core/gaps/gaps.js";
import { planUnits } from "../../src/core/gaps/gaps-units.js";

const TAG = "[bot-eligible]";

// Each snippet is a piece of markdown that tempts a line-based splitter to cut in the wrong place.
const SNIPPETS = [
  "# Title [bot-eligible]",
  "## Plain heading",
  "### The *fancy* `heading` [link](http://x.test)",
  "Setext title\n============",
  "Setext sub [bot-eligible]\n---",
  "A paragraph [bot-eligible] that goes on\nwith a lazy second line",
  "Paragraph then a list\n- item one [bot-eligible]\n- item two",
  "Paragraph then ordered\n2. not a list item [bot-eligible]",
  "- [ ] task [bot-eligible] in `src/a.ts`\n- [x] done [bot-eligible]\n  - nested [bot-eligible]\n    - deeper [bot-eligible]",
  "1. first\n\n   continued paragraph [bot-eligible]\n\n2. second [bot-eligible]",
  "- loose item\n\n  # heading inside item [bot-eligible]",
  "```\n# not a heading\n- not an item [bot-eligible]\n```",
  "~~~~md\n```\n# still code [bot-eligible]\n```\n~~~~",
  "- item with code\n  ```\n  # comment [bot-eligible]\n  ```",
  "    indented code [bot-eligible]\n    # also code",
  "<!--\n# commented out heading\n- [ ] hidden [bot-eligible]\n\n-->",
  "<div>\n# inside html block\n[bot-eligible]\n</div>",
  "<pre>\n\n# pre keeps going [bot-eligible]\n\n</pre>",
  "> quoted [bot-eligible]\nlazy continuation\n> # quoted heading [bot-eligible]",
  "| a | b |\n| - | - |\n| row [bot-eligible] | x |\n| other | y |",
  "See [the spec][spec] [bot-eligible] and [^note].",
  "[spec]: https://example.test/spec",
  "[^note]: A footnote [bot-eligible] body.",
  "Text before a rule\n---",
  "***",
  "~~withdrawn [bot-eligible]~~ but not this one",
  "Mixed `[bot-eligible]` in code only",
  "* star item [bot-eligible]\n+ plus item [bot-eligible]",
  "Heading without blank\n# Next heading\nparagraph [bot-eligible]",
  "#hashtag is not a heading [bot-eligible]",
  "- item\n<!-- comment [bot-eligible] -->\n- after comment [bot-eligible]",
  "- unterminated\n  ```\n  code",
  "\tTabbed [bot-eligible]\n#\tTab heading",
  "Term [bot-eligible]\r\n- crlf item [bot-eligible]\r\n",
  "<script>\n# x [bot-eligible]\n\n</script>",
  "```js title=\"a\"\n# code\n````",
  "- a\n\n   ```\n   # inner [bot-eligible]\n   ```",
  "Para\n    - indented more [bot-eligible]",
  "- item\n  <!-- unterminated comment",
  " ```\nroot fence indented one\n# code [bot-eligible]\n ```",
  "1. ordered\n   ```\n   code\n  ```\n# after [bot-eligible]",
  "-   wide item\n   ```\n# wide [bot-eligible]\n   ```",
];

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomDocument(seed: number): string {
  const random = lcg(seed);
  const parts: string[] = [];
  const count = 5 + Math.floor(random() * 25);
  for (let i = 0; i < count; i += 1) {
    parts.push(SNIPPETS[Math.floor(random() * SNIPPETS.length)] as string);
    parts.push(random() < 0.3 ? "\n" : "\n\n");
  }
  return parts.join("");
}

describe("findGaps parse units", () => {
  it("finds the same gaps as parsing the whole document, on documents of tricky markdown", () => {
    let compared = 0;
    for (let seed = 1; seed <= Number(process.env.GAPS_SEEDS ?? 150); seed += 1) {
      const markdown = randomDocument(seed);
      const fast = findGaps(markdown, { tag: TAG });
      const whole = findGaps(markdown, { tag: TAG, parse: "whole" });
      expect(fast, `document of seed ${seed}:\n${markdown}`).toEqual(whole);
      compared += whole.length;
    }
    // The documents must actually contain gaps for the comparison to mean something.
    expect(compared).toBeGreaterThan(1000);
  });

  it("leaves out units with neither the tag nor a heading", () => {
    const lines = ["# Title", "", "plain words", "", "- item [bot-eligible]", "", "more words", "and more"];
    const plan = planUnits(lines, TAG);
    const starts = plan.units.map((unit) => unit.start);
    expect(starts).toEqual([0, 4]);
    expect(plan.units[0]?.heading).toEqual({ depth: 1, text: "Title" });
    expect(plan.units[1]?.heading).toBeUndefined();
  });

  it("does not parse a fence at column 0 whose only tag is code", () => {
    const lines = ["```", "# comment [bot-eligible]", "```", "", "text"];
    expect(planUnits(lines, TAG).units).toEqual([]);
  });

  it("follows both readings of an indented fence, so an unterminated one in a list item misleads nothing", () => {
    // Read as root-level, the second fence would close the first and "# x" would be a heading.
    const markdown = ["- item", "  ```", "  never closed", "", "```", "# x [bot-eligible]", "```", "", "# Real [bot-eligible]"].join("\n");
    const fast = findGaps(markdown, { tag: TAG });
    expect(fast.map((gap) => gap.text)).toEqual(["Real"]);
    expect(fast).toEqual(findGaps(markdown, { tag: TAG, parse: "whole" }));
  });

  it("keeps a fence inside a list item in one unit with its item", () => {
    const lines = ["- item", "  ```", "  code", "", "# not a split [bot-eligible]", "  ```"];
    const plan = planUnits(lines, TAG);
    // "# not a split" is read as inside the fence (the tracker is conservative), so no unit starts there.
    expect(plan.units).toEqual([{ start: 0, end: 6 }]);
  });

  it("names the units that may hold link definitions, so references resolve in every unit", () => {
    const lines = ["[a]: https://a.test", "", "text", "", "> [b]: https://b.test", "", "```", "[c]: code", "```"];
    expect(planUnits(lines, TAG).definitionUnits).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
  });

  it("resolves a reference whose definition is far away in another unit", () => {
    const markdown = ["- see [the spec] [bot-eligible]", "", "words", "", "***", "[the spec]: https://spec.test"].join("\n");
    const [gap] = findGaps(markdown, { tag: TAG });
    expect(gap?.text).toBe("see the spec");
  });
});
