// The throwaway repository `prd-bot demo` creates: a tiny Node project with a PRD that has one open
// [bot-eligible] gap, one that is done, and a tag inside a code block that is not a gap.

export const SAMPLE_FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "slug-kit", version: "1.0.0", type: "module", private: true, scripts: { test: "node --test" } }, null, 2)}\n`,
  "README.md": "# slug-kit\n\nTurns titles into URL slugs.\n",
  "src/slugify.js": `// Turns a title into a URL slug.
export function slugify(title) {
  return title
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
}
`,
  "test/slugify.test.js": `import { test } from "node:test";
import assert from "node:assert/strict";
import { slugify } from "../src/slugify.js";

test("lowercases and joins words with dashes", () => {
  assert.equal(slugify("Hello World"), "hello-world");
});
`,
  "docs/PRD.md": `# slug-kit PRD

## Slugs

- [x] \`slugify\` lowercases titles and joins words with dashes [bot-eligible]
- [ ] \`slugify\` in src/slugify.js trims leading and trailing dashes, so "  Hello, World!  " becomes "hello-world" [bot-eligible]
- [ ] Unicode titles keep their letters (needs a design decision first)

## Notes

Tags in code are not gaps:

\`\`\`
- [ ] this is an example [bot-eligible]
\`\`\`
`,
  ".github/prd-bot.yml": `# prd-bot configuration (see schema/prd-bot.schema.json in prd-bot)
test:
  command: node --test
  timeout_seconds: 60
`,
  ".gitignore": "node_modules/\n",
};

/** The proposal a model answered for the open gap, recorded once and replayed by the demo. */
export const SAMPLE_PROPOSAL = {
  summary: "Trim leading and trailing dashes in slugify",
  rationale:
    "The PRD asks that titles with punctuation at either end produce clean slugs. Stripping dashes at the ends after the replacement closes the gap without changing slugs that were already clean; a new test pins the example from the PRD.",
  estimated_loc: 12,
  files: [
    {
      path: "src/slugify.js",
      is_new: false,
      edits: [{ old_string: '    .replace(/[^a-z0-9]+/g, "-");', new_string: '    .replace(/[^a-z0-9]+/g, "-")\n    .replace(/^-+|-+$/g, "");' }],
    },
    {
      path: "test/slugify-trim.test.js",
      is_new: true,
      content: `import { test } from "node:test";
import assert from "node:assert/strict";
import { slugify } from "../src/slugify.js";

test("trims dashes left by punctuation at either end", () => {
  assert.equal(slugify("  Hello, World!  "), "hello-world");
});

test("keeps slugs that were already clean", () => {
  assert.equal(slugify("already-clean"), "already-clean");
});
`,
    },
  ],
};
