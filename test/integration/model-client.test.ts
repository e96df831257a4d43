// The OpenAI-compatible ModelClient against a real HTTP server on loopback: fallback, retries, timeouts,
// structured output negotiation, usage and key hygiene; then record/replay of its transcripts.
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIModelClient } from "../../src/adapters/model/openai-compatible.js";
import type { UsageEvent } from "../../src/adapters/model/openai-compatible.js";
import { recordTranscript } from "../../src/adapters/model/recording.js";
import { createReplayModelClient, loadTranscript, ReplayError } from "../../src/adapters/model/replay.js";
import { ModelError } from "../../src/ports/model.js";
import type { ChatRequest } from "../../src/ports/model.js";
import type { ResolvedModel } from "../../src/ports/model-config.js";
import { keyFingerprint, startFakeOpenAI } from "../support/fake-openai.js";
import type { FakeOpenAI, FakeOpenAIOptions } from "../support/fake-openai.js";

const KEY = "sk-test-0123456789abcdef0123456789";

const servers: FakeOpenAI[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(options?: FakeOpenAIOptions): Promise<FakeOpenAI> {
  const server = await startFakeOpenAI(options);
  servers.push(server);
  return server;
}

function model(server: FakeOpenAI, name: string, overrides: Partial<ResolvedModel> = {}): ResolvedModel {
  return { id: `fake/${name}`, provider: "fake", model: name, baseUrl: server.url, apiKey: KEY, structuredOutput: "auto", timeoutMs: 2000, ...overrides };
}

const request: ChatRequest = {
  purpose: "propose",
  messages: [
    { role: "system", content: "You write small changes." },
    { role: "user", content: "Add a --version flag." },
  ],
  maxTokens: 64,
  temperature: 0.2,
};
const schema = { name: "proposal", schema: { type: "object", properties: { summary: { type: "string" } } } };
const fastRetry = { "retry-after-ms": "10" };

function bodyOf(server: FakeOpenAI, index: number): Record<string, unknown> {
  return server.requests[index]!.body as Record<string, unknown>;
}

describe("createOpenAIModelClient", () => {
  it("answers with content, the answering model, reported usage, and sends the key as a bearer", async () => {
    const server = await fake();
    const usage: UsageEvent[] = [];
    const client = createOpenAIModelClient([model(server, "m1")], { onUsage: (e) => usage.push(e) });
    server.reply({ content: "a --version flag", usage: { prompt_tokens: 11, completion_tokens: 3 } });

    const response = await client.chat(request);
    expect(response).toEqual({ content: "a --version flag", model: "fake/m1", usage: { prompt_tokens: 11, completion_tokens: 3 }, structured: false });
    expect(client.models).toEqual(["fake/m1"]);
    expect(usage).toEqual([{ model: "fake/m1", purpose: "propose", usage: { prompt_tokens: 11, completion_tokens: 3 }, estimated: false }]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.path).toBe("/v1/chat/completions");
    expect(bodyOf(server, 0)).toMatchObject({ model: "m1", messages: request.messages, max_tokens: 64, temperature: 0.2 });
    expect(bodyOf(server, 0).response_format).toBeUndefined();
    expect(server.requests[0]!.bearer).toEqual({ present: true, sha256Prefix: keyFingerprint(KEY) });
    expect(server.unexpected).toEqual([]);
  });

  it("estimates usage when the server reports none, and sends a placeholder key when none is configured", async () => {
    const server = await fake();
    const usage: UsageEvent[] = [];
    const client = createOpenAIModelClient([model(server, "local", { apiKey: undefined })], { onUsage: (e) => usage.push(e) });
    const content = "export const version = '1.0.0';\n".repeat(10);
    server.reply({ content, usage: null });

    const response = await client.chat(request);
    expect(usage[0]?.estimated).toBe(true);
    expect(usage[0]?.usage).toEqual(response.usage);
    // Any sane tokenizer lands between 2 and 8 characters a token for this text.
    expect(response.usage.completion_tokens).toBeGreaterThan(content.length / 8);
    expect(response.usage.completion_tokens).toBeLessThan(content.length / 2);
    expect(response.usage.prompt_tokens).toBeGreaterThan(5);
    expect(server.requests[0]!.bearer).toEqual({ present: true, sha256Prefix: keyFingerprint("not-needed") });
  });

  it("retries 5xx on the same model, then falls back to the next one", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "m1"), model(server, "m2")], { maxRetries: 1 });
    server.reply({ status: 500, headers: fastRetry }, { status: 503, headers: fastRetry }, { content: "from m2" });

    const response = await client.chat(request);
    expect(response.content).toBe("from m2");
    expect(response.model).toBe("fake/m2");
    expect(server.requests.map((r) => (r.body as { model: string }).model)).toEqual(["m1", "m1", "m2"]);
    expect(server.requests[1]!.headers["x-stainless-retry-count"]).toBe("1");
    expect(server.unexpected).toEqual([]);
  });

  it("waits out a 429's retry-after and succeeds on the same model", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "m1"), model(server, "m2")], { maxRetries: 1 });
    server.reply({ status: 429, headers: { "retry-after": "1" } }, { content: "after the wait" });

    const started = Date.now();
    const response = await client.chat(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(response).toMatchObject({ content: "after the wait", model: "fake/m1" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not sit out a retry-after longer than the limit: it moves to the next model at once", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "m1"), model(server, "m2")], { maxRetries: 2, maxRetryAfterMs: 5000 });
    server.reply({ status: 429, headers: { "retry-after": "3600" } }, { content: "from m2" });

    const started = Date.now();
    const response = await client.chat(request);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.model).toBe("fake/m2");
    expect(server.requests).toHaveLength(2);
  });

  it("gives up on a model that hangs after its timeout (and retry), then falls back", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "slow", { timeoutMs: 300 }), model(server, "m2")], { maxRetries: 1 });
    server.reply({ hang: true }, { hang: true }, { content: "from m2" });

    const started = Date.now();
    const response = await client.chat(request);
    const elapsed = Date.now() - started;
    expect(response.model).toBe("fake/m2");
    expect(server.requests.map((r) => (r.body as { model: string }).model)).toEqual(["slow", "slow", "m2"]);
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(3000);
  });

  it("stops at once, without fallback, when the caller aborts", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "m1"), model(server, "m2")], { maxRetries: 1 });
    server.reply({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    const started = Date.now();
    await expect(client.chat(request, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it("sends a json_schema response format where the server takes it", async () => {
    const server = await fake({ jsonSchema: "accept" });
    const client = createOpenAIModelClient([model(server, "m1")]);
    server.reply({ content: '{"summary":"x"}' });

    const response = await client.chat({ ...request, jsonSchema: schema });
    expect(response.structured).toBe(true);
    expect(bodyOf(server, 0).response_format).toEqual({ type: "json_schema", json_schema: { name: "proposal", schema: schema.schema, strict: false } });
  });

  it("with 'auto', drops json_schema after the server refuses it, and does not send it again from that client", async () => {
    const server = await fake({ jsonSchema: "reject" });
    const client = createOpenAIModelClient([model(server, "m1")], { maxRetries: 1 });
    server.reply({ content: '{"summary":"one"}' }, { content: '{"summary":"two"}' });

    const first = await client.chat({ ...request, jsonSchema: schema });
    expect(first).toMatchObject({ content: '{"summary":"one"}', structured: false });
    expect(bodyOf(server, 0).response_format).toMatchObject({ type: "json_schema" });
    expect(bodyOf(server, 1).response_format).toBeUndefined();

    const second = await client.chat({ ...request, jsonSchema: schema });
    expect(second).toMatchObject({ content: '{"summary":"two"}', structured: false });
    expect(server.requests).toHaveLength(3);
    expect(bodyOf(server, 2).response_format).toBeUndefined();
    expect(server.unexpected).toEqual([]);
  });

  it("with 'json_schema' insists (a refusal fails that model); with 'none' never asks", async () => {
    const server = await fake({ jsonSchema: "reject" });
    const client = createOpenAIModelClient([model(server, "strict", { structuredOutput: "json_schema" }), model(server, "plain", { structuredOutput: "none" })]);
    server.reply({ content: "plain answer" });

    const response = await client.chat({ ...request, jsonSchema: schema });
    expect(response).toMatchObject({ model: "fake/plain", structured: false });
    expect(server.requests).toHaveLength(2);
    expect(bodyOf(server, 0).response_format).toMatchObject({ type: "json_schema" });
    expect(bodyOf(server, 1).response_format).toBeUndefined();
  });

  it("switches to max_completion_tokens for a model that refuses max_tokens, and remembers it", async () => {
    const server = await fake();
    const client = createOpenAIModelClient([model(server, "reasoner")]);
    const unsupported = {
      status: 400 as const,
      body: { error: { message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", type: "invalid_request_error", param: "max_tokens", code: "unsupported_parameter" } },
    };
    server.reply((r) => ("max_tokens" in (r.body as object) ? unsupported : { content: "unexpected success" }), { content: "one" }, { content: "two" });

    expect((await client.chat(request)).content).toBe("one");
    expect((await client.chat(request)).content).toBe("two");
    expect(server.requests).toHaveLength(3);
    expect(bodyOf(server, 1)).toMatchObject({ max_completion_tokens: 64 });
    expect(bodyOf(server, 1).max_tokens).toBeUndefined();
    expect(bodyOf(server, 2)).toMatchObject({ max_completion_tokens: 64 });
  });

  it("treats empty content as a failure and asks the next model", async () => {
    const server = await fake();
    const usage: UsageEvent[] = [];
    const client = createOpenAIModelClient([model(server, "m1"), model(server, "m2")], { onUsage: (e) => usage.push(e) });
    server.reply({ content: "", finish_reason: "length", usage: { prompt_tokens: 9, completion_tokens: 64 } }, { content: "real answer" });

    const response = await client.chat(request);
    expect(response).toMatchObject({ content: "real answer", model: "fake/m2" });
    // The empty answer still cost tokens, and the budget must hear about them.
    expect(usage.map((u) => [u.model, u.usage.completion_tokens])).toEqual([
      ["fake/m1", 64],
      ["fake/m2", response.usage.completion_tokens],
    ]);
  });

  it("throws a ModelError listing every attempt, with hints and without the key, when all models fail", async () => {
    const server = await fake();
    const gone = await startFakeOpenAI();
    const goneUrl = gone.url;
    await gone.close();
    const client = createOpenAIModelClient(
      [model(server, "m1"), model(server, "m2"), model(server, "missing"), model(server, "down", { baseUrl: goneUrl })],
      { maxRetries: 0 },
    );
    server.reply(
      { status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}. You can find your API key at https://example.invalid`, type: "invalid_request_error" } } },
      { content: "   " },
      { status: 404, body: { error: { message: "The model `missing` does not exist", type: "invalid_request_error" } } },
    );

    const error = await client.chat(request).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    const attempts = (error as ModelError).attempts;
    expect(attempts.map((a) => a.model)).toEqual(["fake/m1", "fake/m2", "fake/missing", "fake/down"]);
    expect(attempts[0]!.error).toMatch(/^HTTP 401: Incorrect API key provided: \[redacted\].*check the API key of provider "fake"/);
    expect(attempts[1]!.error).toMatch(/^empty answer \(finish_reason: stop\)/);
    expect(attempts[2]!.error).toMatch(/^HTTP 404: .*check the model name "missing"/);
    expect(attempts[3]!.error).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/v1: .*ECONNREFUSED/);
    expect((error as ModelError).message).toContain('every model failed for "propose" (4 tried)');
    const everything = `${(error as Error).message} ${JSON.stringify(attempts)} ${(error as Error).stack ?? ""}`;
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(0, 12));
    expect(everything).not.toContain(KEY.slice(-12));
    expect(server.unexpected).toEqual([]);
  });

  it("says so when no model is configured", async () => {
    const client = createOpenAIModelClient([]);
    await expect(client.chat(request)).rejects.toThrow(/no model to ask for "propose": list at least one provider\/model/);
  });
});

describe("recordTranscript + createReplayModelClient", () => {
  it("replays a recorded session in order, errors included, and says where it ran out or diverged", async () => {
    const server = await fake();
    const { client, transcript } = recordTranscript(createOpenAIModelClient([model(server, "m1")], { maxRetries: 0 }));
    server.reply({ content: '{"summary":"s"}', usage: { prompt_tokens: 20, completion_tokens: 5 } }, { status: 400 });
    const live = await client.chat({ ...request, jsonSchema: schema });
    await expect(client.chat({ ...request, purpose: "repair_json" })).rejects.toBeInstanceOf(ModelError);

    expect(transcript.exchanges).toHaveLength(2);
    expect(transcript.exchanges[0]).toEqual({
      purpose: "propose",
      request: { model: "fake/m1", messages: request.messages, max_tokens: 64, json_schema: "proposal" },
      response: live,
    });
    expect(transcript.exchanges[1]).toMatchObject({ purpose: "repair_json", response: null, error: expect.stringMatching(/^ModelError: every model failed/) });
    expect(JSON.stringify(transcript)).not.toContain(KEY);

    const replay = createReplayModelClient(loadTranscript(JSON.stringify(transcript), "cycle.json"), { source: "cycle.json" });
    expect(replay.models).toEqual(["fake/m1"]);
    expect(replay.free).toBe(true);
    // The recorded answer comes back as it was, but a replay spends nothing: its usage is zero.
    expect(await replay.chat({ ...request, jsonSchema: schema })).toEqual({ ...live, usage: { prompt_tokens: 0, completion_tokens: 0 } });
    const replayedError = await replay.chat({ ...request, purpose: "repair_json" }).catch((e: unknown) => e);
    expect(replayedError).toBeInstanceOf(ModelError);
    expect((replayedError as ModelError).message).toMatch(/^every model failed for "repair_json"/);
    await expect(replay.chat({ ...request, purpose: "repair_tests" })).rejects.toThrow(
      /replay ran out at exchange 3 \(purpose "repair_tests"\): the transcript cycle\.json holds 2/,
    );
    expect(server.requests).toHaveLength(2);

    const diverging = createReplayModelClient(transcript);
    await expect(diverging.chat({ ...request, purpose: "review" })).rejects.toThrow(ReplayError);
    await expect(diverging.chat({ ...request, purpose: "review" })).rejects.toThrow(
      /mismatch at exchange 1: the code asked for purpose "review" but the transcript recorded "propose"/,
    );
  });
});
