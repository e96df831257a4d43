// The set-up every CLI scenario file shares: a fake OpenAI-compatible server started before each test and
// checked after it (nothing was asked that the test did not script), the test repository removed, and the
// model variables a cycle reads. The files keep their own `model` and `repo` variables; these hooks fill and
// clean them.
import { afterEach, beforeEach, expect } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";
import type { TestRepo } from "./git-repo.js";

export function useCliScenario(hooks: { setModel: (model: FakeOpenAI) => void; repo: () => TestRepo | undefined; after?: () => Promise<void> | void }): void {
  let model: FakeOpenAI | undefined;
  beforeEach(async () => {
    model = await startFakeOpenAI();
    hooks.setModel(model);
  });
  afterEach(async () => {
    expect(model?.unexpected).toEqual([]);
    await model?.close();
    await hooks.repo()?.cleanup();
    await hooks.after?.();
  });
}

/** The environment a cycle gets from its runner: the fake server's URL, a key, and the model to ask. */
export function modelEnv(model: FakeOpenAI, name = "coder-1", extra: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_BASE_URL: model.url, OPENAI_API_KEY: "sk-test-secret-123", PRD_BOT_MODEL: name, ...extra };
}
