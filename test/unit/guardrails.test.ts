import { describe, expect, it } from "vitest";
import { DEFAULT_PROTECTED } from "../../src/config/schema.js";
import { checkContent, checkNotDeletion, checkPath, checkPlannedFile, type GuardResult } from "../../src/core/propose/guardrails.js";

const rules = { protectedGlobs: DEFAULT_PROTECTED, prdPath: "docs/PRD.md" };

function reason(result: GuardResult): string {
  if (result.ok) throw new Error("expected the guardrail to refuse");
  return result.reason;
}

describe("checkPath", () => {
  it("accepts ordinary relative posix paths", () => {
    for (const path of ["src/index.ts", "test/unit/a.test.ts", "README.md", ".eslintrc.json", "docs/guide/%2e%2e/x.md", "a..b/c"]) {
      expect(checkPath(path, rules), path).toEqual({ ok: true });
    }
  });

  it("refuses traversal, with slashes or backslashes, anywhere in the path", () => {
    for (const path of ["../x", "a/../../x", "./../x", "a/..", "..\\x", "src\\..\\..\\x", "a/b/../c"]) {
      expect(reason(checkPath(path, rules)), path).toContain('contains a ".." segment');
    }
    expect(reason(checkPath("a/.../b", rules))).toContain("only of dots and spaces");
    expect(reason(checkPath("a/. ./b", rules))).toContain("only of dots and spaces");
  });

  it("refuses absolute paths: posix, drive letters, UNC", () => {
    for (const path of ["/etc/passwd", "C:\\x", "c:/x", "\\\\server\\share\\x", "\\x"]) {
      expect(reason(checkPath(path, rules)), path).toContain("is absolute");
    }
  });

  it("refuses .git as any segment, in the spellings git and filesystems treat as .git", () => {
    for (const path of [".git/config", "sub/.git/hooks/x", ".GIT/config", ".git./config", "a/git~1/HEAD", ".git"]) {
      expect(reason(checkPath(path, { protectedGlobs: [], prdPath: "docs/PRD.md" })), path).toContain(".git directory");
    }
    expect(checkPath(".github/x.md", rules).ok).toBe(true);
    expect(checkPath("src/.gitignore", rules).ok).toBe(true);
  });

  it("refuses empty paths, control characters, the root, directories and non-canonical forms", () => {
    expect(reason(checkPath("", rules))).toContain("the path is empty");
    expect(reason(checkPath("  ", rules))).toContain("the path is empty");
    expect(reason(checkPath("a\u0000b", rules))).toContain("control character (U+0000)");
    expect(reason(checkPath("a\nb", rules))).toContain("control character (U+000A)");
    expect(reason(checkPath(".", rules))).toContain("names the repository root");
    expect(reason(checkPath("./", rules))).toContain("names the repository root");
    expect(reason(checkPath("src/", rules))).toContain("names a directory");
    expect(reason(checkPath("./src/a.ts", rules))).toContain('write it as "src/a.ts"');
    expect(reason(checkPath("src//a.ts", rules))).toContain('write it as "src/a.ts"');
    expect(reason(checkPath("src/a.ts ", rules))).toContain('name that starts or ends with whitespace ("a.ts ")');
    expect(reason(checkPath(" src/a.ts", rules))).toContain("whitespace");
    expect(reason(checkPath("src\\a.ts", rules))).toContain('use forward slashes ("src/a.ts")');
  });

  it("refuses the default protected paths, naming the glob", () => {
    const cases: [string, string][] = [
      [".github/workflows/ci.yml", ".github/workflows/**"],
      ["yarn.lock", "**/*.lock"],
      ["packages/web/package-lock.json", "**/package-lock.json"],
      ["Cargo.lock", "**/*.lock"],
      [".env.local", "**/.env*"],
      ["app/.env", "**/.env*"],
      ["config/secrets/k", "**/secrets/**"],
      ["docs/ADR-007.md", "docs/ADR-*"],
      [".github/prd-bot.yml", ".github/prd-bot.yml"],
      ["YARN.LOCK", "**/*.lock"],
    ];
    for (const [path, glob] of cases) {
      expect(reason(checkPath(path, rules)), path).toContain(`protected by the glob "${glob}"`);
    }
  });

  it("matches \"**/\" globs at the root as well as below it, and only the configured globs", () => {
    const only = { protectedGlobs: ["**/yarn.lock"], prdPath: "docs/PRD.md" };
    expect(reason(checkPath("yarn.lock", only))).toContain('"**/yarn.lock"');
    expect(reason(checkPath("packages/web/yarn.lock", only))).toContain('"**/yarn.lock"');
    expect(checkPath("Cargo.lock", only).ok).toBe(true);
    expect(checkPath(".github/workflows/ci.yml", only).ok).toBe(true);
  });

  it("always protects the PRD, whatever the globs and however its path is spelled", () => {
    expect(reason(checkPath("docs/PRD.md", { protectedGlobs: [], prdPath: "docs/PRD.md" }))).toContain("is the PRD");
    expect(reason(checkPath("docs/prd.md", { protectedGlobs: [], prdPath: "./docs/PRD.md" }))).toContain("is the PRD");
    expect(checkPath("docs/other.md", { protectedGlobs: [], prdPath: "docs/PRD.md" }).ok).toBe(true);
  });
});

describe("checkPath: invisible characters, lengths, default protected paths", () => {
  it("refuses Unicode format characters and bidi controls, naming the code point", () => {
    for (const [path, code] of [[".g\u200cit/hooks/x", "U+200C"], ["src/a\u202eb.js", "U+202E"], ["src/\u2066x.js", "U+2066"], ["\uFEFFsrc/a.js", "U+FEFF"], ["src/soft\u00adhyphen.js", "U+00AD"], ["a\u2028b", "U+2028"]] as const) {
      expect(reason(checkPath(path, rules)), path).toContain(code);
    }
    expect(checkPath("src/café/naïve.js", rules).ok).toBe(true);
  });

  it("refuses a name over 255 bytes and a path over 1024 bytes; accepts what fits", () => {
    expect(reason(checkPath(`src/${"a".repeat(256)}`, rules))).toMatch(/name of 256 bytes, over the 255/);
    expect(reason(checkPath(`src/${"é".repeat(128)}`, rules))).toMatch(/name of 256 bytes/);
    expect(reason(checkPath(`${"abcdefghi/".repeat(103)}x`, rules))).toMatch(/over the limit of 1024/);
    expect(checkPath(`src/${"a".repeat(255)}`, rules).ok).toBe(true);
  });

  it("protects git's own files, hook managers, credential files and .envrc by default", () => {
    const files = [".gitmodules", ".gitattributes", "sub/.gitattributes", ".husky/pre-commit", ".husky/_/husky.sh", ".githooks/pre-push",
      ".git-hooks/x", ".lefthook/pre-commit/a.sh", "lefthook.yml", ".lefthook.yaml", "lefthook-local.yml", ".pre-commit-config.yaml",
      ".pre-commit-hooks.yaml", ".simple-git-hooks.json", ".overcommit.yml", ".envrc", "deploy/key.pem", "certs/server.key",
      "id_rsa", "home/.ssh/id_rsa.bak", "config/credentials.json", "credentials", "CONFIG/Credentials.yml"];
    for (const path of files) expect(reason(checkPath(path, rules)), path).toContain("protected");
    for (const path of ["src/hooks/use-state.ts", "docs/husky.md", "src/keys.ts"]) expect(checkPath(path, rules).ok, path).toBe(true);
  });
});

describe("checkContent", () => {
  const limits = { maxFileBytes: 100 };

  it("accepts text up to the limit, counted in UTF-8 bytes", () => {
    expect(checkContent("a.txt", "x".repeat(100), limits).ok).toBe(true);
    expect(checkContent("a.txt", "\t\r\n\f\u001b[31mred\u001b[0m text", limits).ok).toBe(true);
    expect(reason(checkContent("a.txt", "é".repeat(51), limits))).toContain("102 bytes, over the limit of 100 (policy.max_file_bytes)");
    expect(reason(checkContent("a.txt", "😀".repeat(26), limits))).toContain("104 bytes");
  });

  it("refuses a huge file", () => {
    expect(reason(checkContent("big.ts", "x".repeat(300_001), { maxFileBytes: 200_000 }))).toMatch(/^big\.ts: the content is 300001 bytes/);
  });

  it("refuses binary content: any NUL, or a high share of control characters", () => {
    expect(reason(checkContent("a.bin", "text\u0000more", limits))).toContain("NUL character (at index 4)");
    const noisy = "ab\u0001\u0002\u0003cdefgh";
    expect(reason(checkContent("a.bin", noisy, limits))).toContain("3 of 11 characters are control characters");
    expect(checkContent("a.txt", `${"x".repeat(40)}\u0001`, limits).ok).toBe(true);
  });
});

describe("deletion attempts", () => {
  it("refuses emptying an existing file, and allows a blank file to stay blank", () => {
    expect(reason(checkNotDeletion({ path: "a.ts", before: "code\n", after: "" }))).toContain("files are never deleted");
    expect(reason(checkNotDeletion({ path: "a.ts", before: "code\n", after: " \n" }))).toContain("a.ts");
    expect(checkNotDeletion({ path: "a.ts", before: "\n", after: "" }).ok).toBe(true);
    expect(checkNotDeletion({ path: "a.ts", before: undefined, after: "" }).ok).toBe(true);
  });

  it("checkPlannedFile applies every rule to written files and only path rules to NOOP", () => {
    const all = { ...rules, maxFileBytes: 10 };
    expect(reason(checkPlannedFile({ path: "a.ts", mode: "UPDATE", before: "x", after: "" }, all))).toContain("never deleted");
    expect(reason(checkPlannedFile({ path: "a.ts", mode: "ADD", before: undefined, after: "x".repeat(11) }, all))).toContain("over the limit");
    expect(reason(checkPlannedFile({ path: "yarn.lock", mode: "NOOP", before: "x", after: "x" }, all))).toContain("protected");
    expect(checkPlannedFile({ path: "a.ts", mode: "NOOP", before: "x".repeat(20), after: "x".repeat(20) }, all).ok).toBe(true);
  });
});
