import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/prompts/templates.js";

describe("prompt templates", () => {
  it("renders the repair prompt with every variable in place (snapshot)", () => {
    const text = renderTemplate("repair-tests", { test_command: "npm test", exit_code: 1, timed_out: "", test_output: "FAIL x" });
    expect(text).toMatchSnapshot();
    expect(text).not.toMatch(/\{\{/);
  });

  it("renders the system prompt (snapshot)", () => {
    const text = renderTemplate("propose-system", { max_files: 5, max_changed_lines: 200, test_rule: "- Include a test.", protected: ".git/**, docs/PRD.md" });
    expect(text).toMatchSnapshot();
  });

  it("fails on a missing variable and on an unused one", () => {
    expect(() => renderTemplate("repair-json", {})).toThrow("no value for {{error}}");
    expect(() => renderTemplate("repair-json", { error: "x", extra: 1 })).toThrow("unused variables extra");
  });
});

describe("localization templates", () => {
  it("renders the localization prompt (snapshot)", () => {
    const system = renderTemplate("localize-system", { max_files: 4 });
    const user = renderTemplate("localize-user", {
      gap_id: "abc12345",
      prd_path: "docs/PRD.md",
      gap_line: 3,
      gap_section: "Slugs",
      gap_text: "Trim dashes",
      gap_context: "",
      file_count: 2,
      file_clipped: "",
      file_list: "src/a.js\nsrc/b.js",
      repo_map: "2 files.",
      max_files: 4,
    });
    expect({ system, user }).toMatchSnapshot();
    expect(user).not.toMatch(/\{\{/);
  });
});
