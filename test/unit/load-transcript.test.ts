// Transcripts come from files (cycle records, demo fixtures): bad ones must say which file and which field.
import { describe, expect, it } from "vitest";
import { createReplayModelClient, loadTranscript } from "../../src/adapters/model/replay.js";
import type { Transcript } from "../../src/ports/model.js";

const good: Transcript = {
  version: 1,
  exchanges: [
    {
      purpose: "propose",
      request: { model: "ollama/qwen", messages: [{ role: "user", content: "hi" }], max_tokens: 100, json_schema: "proposal" },
      response: { content: "{}", model: "ollama/qwen", usage: { prompt_tokens: 3, completion_tokens: 1 }, structured: true },
    },
    {
      purpose: "propose",
      request: { model: "ollama/qwen", messages: [], max_tokens: 100 },
      response: null,
      error: "BudgetExceededError: the day's token budget would be exceeded",
    },
  ],
};

describe("loadTranscript", () => {
  it("returns a valid transcript unchanged", () => {
    expect(loadTranscript(JSON.stringify(good), "t.json")).toEqual(good);
  });

  it("names the file when the JSON does not parse", () => {
    expect(() => loadTranscript("{ not json", "fixtures/demo.json")).toThrow(/^fixtures\/demo\.json: not valid JSON/);
  });

  it("names the file and the field paths of shape errors", () => {
    const bad = structuredClone(good) as unknown as { exchanges: { response: { usage: Record<string, unknown> } | null; purpose: string }[] };
    bad.exchanges[0]!.response!.usage.prompt_tokens = "three";
    bad.exchanges[1]!.purpose = "";
    let message = "";
    try {
      loadTranscript(JSON.stringify(bad), "cycles/abc.json");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^cycles\/abc\.json: not a valid prd-bot transcript: /);
    expect(message).toContain("exchanges.0.response.usage.prompt_tokens");
    expect(message).toContain("exchanges.1.purpose");
    expect(message).toContain("record the transcript again");
  });

  it("rejects other versions and exchanges with neither response nor error", () => {
    expect(() => loadTranscript(JSON.stringify({ ...good, version: 2 }), "t.json")).toThrow(/version: unsupported transcript version/);
    const cut = { version: 1, exchanges: [{ ...good.exchanges[1], error: undefined }] };
    expect(() => loadTranscript(JSON.stringify(cut), "t.json")).toThrow(/exchanges\.0: an exchange needs a response or an error/);
  });
});

describe("createReplayModelClient", () => {
  it("replays non-model errors with their recorded name, and copies responses so callers cannot edit the transcript", async () => {
    const replay = createReplayModelClient(good);
    const first = await replay.chat({ purpose: "propose", messages: [], maxTokens: 1 });
    first.usage.prompt_tokens = 999;
    expect(good.exchanges[0]!.response!.usage.prompt_tokens).toBe(3);
    await expect(replay.chat({ purpose: "propose", messages: [], maxTokens: 1 })).rejects.toMatchObject({
      name: "BudgetExceededError",
      message: "the day's token budget would be exceeded",
    });
  });

  it("honours an aborted signal before serving", async () => {
    const replay = createReplayModelClient(good);
    await expect(replay.chat({ purpose: "propose", messages: [], maxTokens: 1 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    // The aborted call consumed nothing: the first exchange is still next.
    expect((await replay.chat({ purpose: "propose", messages: [], maxTokens: 1 })).content).toBe("{}");
  });
});
