import { readFile } from "node:fs/promises";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    {
      // The same as esbuild's text loader in scripts/build.mjs: prompt templates are imported as strings.
      name: "markdown-as-text",
      async load(id) {
        if (!id.endsWith(".md")) return null;
        return `export default ${JSON.stringify(await readFile(id, "utf8"))};`;
      },
    },
  ],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
