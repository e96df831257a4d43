import { describe, expect, it } from "vitest";
import { closestKey, editDistance } from "../../src/config/closest-key.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("max_files", "max_files")).toBe(0);
    expect(editDistance("max_file", "max_files")).toBe(1);
    expect(editDistance("max_filez", "max_files")).toBe(1);
    expect(editDistance("max_fiels", "max_files")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});

describe("closestKey", () => {
  const keys = ["max_files", "max_changed_lines", "require_test", "open_pr", "paths"];
  it("suggests the nearest key within a length-dependent limit", () => {
    expect(closestKey("max_filez", keys)).toBe("max_files");
    expect(closestKey("MAX-FILES", keys)).toBe("max_files");
    expect(closestKey("requre_tests", keys)).toBe("require_test");
    expect(closestKey("path", keys)).toBe("paths");
  });
  it("suggests nothing for a key that is not a likely typo", () => {
    expect(closestKey("calls", keys)).toBeUndefined();
    expect(closestKey("timeout", keys)).toBeUndefined();
    expect(closestKey("x", [])).toBeUndefined();
  });
});
