// incomplete_rename over realistic renames (modelled on real ones: a Rust options struct renamed, a Go
// directive type renamed across a package, a TS option renamed, a Python state field renamed), done fully
// and partially, plus the look-alikes that must stay quiet.
import { describe, expect, it } from "vitest";
import { checkIncompleteRename } from "../../src/core/audit/check-incomplete-rename.js";
import { pullRequest } from "../support/audit-fixtures.js";

describe("incomplete_rename", () => {
  it("Python: a state field renamed while another module still reads the old name", async () => {
    const before = "from dataclasses import dataclass\n\n@dataclass\nclass RouterState:\n    opencode_key: str\n    ollama_key: str\n";
    const after = "from dataclasses import dataclass\n\n@dataclass\nclass RouterState:\n    zen_api_key: str\n    ollama_key: str\n";
    const router = "from .state import RouterState\n\nclass Router:\n    def pick(self):\n        # the opencode_key is optional\n        if self.state.opencode_key:\n            return 'zen'\n        return 'ollama'\n";
    const { files, tree } = pullRequest([{ path: "gateway/state.py", before, after }], { "gateway/router.py": router });
    const { issues } = await checkIncompleteRename(files, tree);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: "incomplete_rename", path: "gateway/router.py", line: 6 });
    expect(issues[0]?.message).toContain("`opencode_key` was renamed to `zen_api_key` in gateway/state.py");

    const fixed = router.replace("self.state.opencode_key", "self.state.zen_api_key");
    const done = pullRequest([{ path: "gateway/state.py", before, after }, { path: "gateway/router.py", before: router, after: fixed }]);
    expect((await checkIncompleteRename(done.files, done.tree)).issues).toEqual([]);
  });

  it("TypeScript: an option renamed, one caller and an import left behind; comments and strings do not count", async () => {
    const before = "export interface Options {\n  prefixUrl?: string;\n  retry?: number;\n}\n\nexport function mergePrefixUrl(input: string, options: Options): string {\n  return `${options.prefixUrl ?? ''}${input}`;\n}\n";
    const after = before.replace(/prefixUrl/g, "prefix").replace("mergePrefixUrl", "joinPrefix");
    const client = "import { joinPrefix, mergePrefixUrl } from './options';\n\nexport const get = (url: string) => fetch(joinPrefix(url, {}));\nexport const legacy = (url: string) => mergePrefixUrl(url, {});\n";
    const docs = "// prefixUrl was the old name; see 'prefixUrl' in the changelog\nexport const note = \"prefixUrl\";\n";
    const { files, tree } = pullRequest([{ path: "source/options.ts", before, after }], { "source/client.ts": client, "source/notes.ts": docs });
    const { issues } = await checkIncompleteRename(files, tree);
    expect(issues.map((i) => [i.path, i.line, i.message.split(" was ")[0]])).toEqual([["source/client.ts", 1, "function `mergePrefixUrl`"]]);
    expect(issues[0]?.message).toContain("2 references remain: source/client.ts:1, source/client.ts:4");
  });

  it("Rust: a struct renamed with a stale use in another module; a full rename is quiet", async () => {
    const before = "pub struct SearchOptions {\n    pub strip_cwd_prefix: bool,\n}\n\nimpl SearchOptions {\n    pub fn from_args() -> Self {\n        SearchOptions { strip_cwd_prefix: false }\n    }\n}\n";
    const after = before.replace(/SearchOptions/g, "SearchConfig");
    const walk = "use crate::config::SearchOptions;\n\npub fn scan(config: &SearchOptions) -> usize {\n    let label = \"SearchOptions\"; // SearchOptions in a string\n    label.len()\n}\n";
    const partial = pullRequest([{ path: "src/config.rs", before, after }], { "src/walk.rs": walk });
    const issues = (await checkIncompleteRename(partial.files, partial.tree)).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "src/walk.rs", line: 1 });
    expect(issues[0]?.message).toContain("type `SearchOptions` was renamed to `SearchConfig`");

    const full = pullRequest([{ path: "src/config.rs", before, after }, { path: "src/walk.rs", before: walk, after: walk.replace(/SearchOptions;|&SearchOptions/g, (m) => m.replace("SearchOptions", "SearchConfig")) }]);
    expect((await checkIncompleteRename(full.files, full.tree)).issues).toEqual([]);
  });

  it("Go: a type and its method renamed while another file of the package still calls the old method", async () => {
    const before = "package cobra\n\ntype BashCompDirective int\n\nfunc (c *Command) RegisterBashCompletion(d BashCompDirective) error {\n\treturn nil\n}\n";
    const after = "package cobra\n\ntype ShellCompDirective int\n\nfunc (c *Command) RegisterShellCompletion(d ShellCompDirective) error {\n\treturn nil\n}\n";
    const other = "package cobra\n\nfunc setup(c *Command) {\n\t_ = c.RegisterBashCompletion(0)\n\tvar d ShellCompDirective\n\t_ = d\n}\n";
    const { files, tree } = pullRequest([{ path: "completions.go", before, after }], { "setup.go": other });
    const { issues } = await checkIncompleteRename(files, tree);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "setup.go", line: 4 });
    expect(issues[0]?.message).toContain("`RegisterBashCompletion` was renamed to `RegisterShellCompletion`");
  });

  it("stays quiet for names still defined elsewhere, locals, package imports, common and short names, and moves", async () => {
    const before = "def load_settings_file(path):\n    return open(path).read()\n\ndef get(x):\n    return x\n\nclass Cache:\n    def flush_all_entries(self):\n        pass\n";
    const after = "class Cache:\n    pass\n";
    const head = {
      // Another class still defines the method: `x.flush_all_entries()` may well be that one.
      "app/other.py": "class Store:\n    def flush_all_entries(self):\n        pass\n\ndef main(s):\n    s.flush_all_entries()\n    return get(1)\n",
      // Imported from a package: not this repository's function.
      "app/cli.py": "from settings_lib import load_settings_file\n\nprint(load_settings_file('a'))\n",
    };
    const { files, tree } = pullRequest([{ path: "app/util.py", before, after }], head);
    expect((await checkIncompleteRename(files, tree)).issues).toEqual([]);

    // Moved, not removed: defined again in the diff.
    const moved = pullRequest([{ path: "app/util.py", before, after }, { path: "app/files.py", after: "def load_settings_file(path):\n    return open(path).read()\n" }], { "app/cli.py": "from app.files import load_settings_file\nload_settings_file('x')\n" });
    expect((await checkIncompleteRename(moved.files, moved.tree)).issues).toEqual([]);

    // A local variable of the same name at head binds it again.
    const local = pullRequest([{ path: "app/util.py", before, after }], { "app/run.py": "def run():\n    load_settings_file = lambda p: p\n    return load_settings_file('x')\n" });
    expect((await checkIncompleteRename(local.files, local.tree)).issues).toEqual([]);
  });

  it("says which files it did not search", async () => {
    const { files, tree } = pullRequest([{ path: "a.ts", before: "export function oldHelperName() {}\n", after: "export function newHelperName() {}\n" }], { "big.ts": "x".repeat(2000), "b.ts": "import {\n  oldHelperName,\n} from './a';\n\noldHelperName();\n" });
    const result = await checkIncompleteRename(files, tree, { maxFileBytes: 1000, maxTotalBytes: 10_000 });
    expect(result.issues).toHaveLength(1);
    expect(result.skipped).toEqual([{ what: "1 file(s) larger than 1000 bytes", reason: "not searched for stale references to renamed names" }]);
  });
});
