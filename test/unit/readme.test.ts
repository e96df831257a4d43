import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

describe("README", () => {
  it("never tells anyone to run an unpublished package name; it shows how to run from a clone", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const commands = readme.split("\n").filter((line) => /\bnpx\s+prd-bot\b/.test(line) && !/do not run/.test(line));
    expect(commands).toEqual([]);
    expect(readme).toContain("npm ci && npm run build && npm link");
    expect(readme).toContain("node dist/cli.js");
    expect(readme).toMatch(/Where the Action comes from/);
  });
});
