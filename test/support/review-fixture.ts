// A repository with a PRD and a feature branch, and a review wired against the fake OpenAI server: what the
// review job tests share.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDirectoryStore } from "../../src/adapters/state/directory-store.js";
import { openGitReviewSource } from "../../src/adapters/workspace/git-review-source.js";
import { configSchema, type Config } from "../../src/config/schema.js";
import { silentLogger } from "../../src/jobs/logger.js";
import { reviewChanges, type ReviewOptions } from "../../src/jobs/review/review-changes.js";
import { protectedForReview } from "../../src/jobs/review/index.js";
import type { StateStore } from "../../src/ports/state.js";
import { reviewModelsFor } from "../../src/wiring/review-models.js";
import type { RecordedRequest } from "./fake-openai.js";
import { makeRepo, type TestRepo } from "./git-repo.js";
import { mkdir, writeFile, unlink } from "node:fs/promises";

export const PRD = `# Product

Intro text about the product.

## Fetching

### Retries

The fetcher must retry failed requests at most 3 times with exponential backoff, and give up with a clear error.

### Timeouts

Every request has a timeout of 10 seconds.

## Reports

Reports are rendered as markdown tables with one row per invoice.
`;

export const FETCHER = `export async function fetchWithRetry(url: string) {
  let attempt = 0;
  while (true) {
    try {
      return await fetch(url);
    } catch (error) {
      attempt += 1;
    }
  }
}
`;

export interface ReviewFixture {
  repo: TestRepo;
  state: StateStore;
  stateDir: string;
  cleanup(): Promise<void>;
  /** Commit `files` (null deletes) on branch `feature` (created from main the first time). */
  commitOnFeature(files: Record<string, string | null>, message?: string): Promise<void>;
  review(config: Partial<Record<string, unknown>>, options?: Partial<ReviewOptions>): ReturnType<typeof reviewChanges>;
}

export async function makeReviewFixture(files: Record<string, string> = { "docs/PRD.md": PRD, "src/fetcher.ts": FETCHER }): Promise<ReviewFixture> {
  const repo = await makeRepo(files);
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "prd-bot-review-state-"));
  const state = createDirectoryStore(stateDir);
  let branched = false;
  return {
    repo,
    state,
    stateDir,
    async cleanup() {
      await repo.cleanup();
      await rm(stateDir, { recursive: true, force: true });
    },
    async commitOnFeature(changes, message = "change") {
      if (!branched) await repo.git("checkout", "-q", "-b", "feature");
      else await repo.git("checkout", "-q", "feature");
      branched = true;
      for (const [file, content] of Object.entries(changes)) {
        const target = path.join(repo.root, file);
        if (content === null) await unlink(target);
        else {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, content);
        }
      }
      await repo.git("add", "-A");
      await repo.git("commit", "-q", "-m", message);
      await repo.git("checkout", "-q", "main");
    },
    async review(raw, options = {}) {
      const config: Config = configSchema.parse(raw);
      const models = reviewModelsFor(config, {});
      const source = await openGitReviewSource(repo.root, "main", "feature");
      return reviewChanges(
        { source, state, ladder: models.ladder, ...(models.embedder ? { embedder: models.embedder } : {}), config, log: silentLogger, now: () => new Date("2026-12-02T02:00:00Z") },
        { protectedGlobs: protectedForReview(config), ...options },
      );
    },
  };
}

/** The user prompt of a chat request. */
export function promptOf(request: RecordedRequest): string {
  const messages = (request.body as { messages?: { role: string; content: string }[] }).messages ?? [];
  return messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
}

export function modelOf(request: RecordedRequest): string {
  return String((request.body as { model?: string }).model ?? "");
}

/** The id the prompt shows for the section whose heading path ends with `heading`. */
export function refFor(prompt: string, heading: string): string {
  const match = new RegExp(`\\[ref:([0-9a-f-]+)\\] [^\\n]*${heading}`).exec(prompt);
  if (!match?.[1]) throw new Error(`no section "${heading}" offered in the prompt:\n${prompt}`);
  return match[1];
}

export function answer(value: unknown): { content: string } {
  return { content: JSON.stringify(value) };
}

export function providerConfig(url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { models: { providers: { local: { base_url: url, timeout_seconds: 1 } }, ...extra } };
}
