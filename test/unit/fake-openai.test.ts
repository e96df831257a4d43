// The fake OpenAI server is what every model test stands on, so its own behaviour is pinned here with plain fetch.
import { afterEach, describe, expect, it } from "vitest";
import { fakeUsage, JSON_SCHEMA_REJECTION, keyFingerprint, startFakeOpenAI } from "../support/fake-openai.js";
import type { FakeOpenAI } from "../support/fake-openai.js";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function chat(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
    body: JSON.stringify(body),
    signal: init.signal ?? null,
  });
}

const messages = [{ role: "user", content: "hello there, model" }];

describe("startFakeOpenAI", () => {
  it("serves queued replies in order with deterministic usage and records requests without the raw key", async () => {
    server = await startFakeOpenAI();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    server.reply({ content: "first" }, { content: "second", usage: { prompt_tokens: 7, completion_tokens: 3 }, model: "other" });

    const a = await chat(server.url, { model: "m1", messages }, { headers: { authorization: "Bearer sk-secret-123" } });
    const aj = (await a.json()) as { model: string; choices: { message: { content: string } }[]; usage: Record<string, number> };
    expect(a.status).toBe(200);
    expect(aj.model).toBe("m1");
    expect(aj.choices[0]?.message.content).toBe("first");
    // 18 characters of prompt -> ceil(18/4)+1 = 6; "first" -> ceil(5/4) = 2.
    expect(fakeUsage(messages, "first")).toEqual({ prompt_tokens: 6, completion_tokens: 2 });
    expect(aj.usage).toEqual({ prompt_tokens: 6, completion_tokens: 2, total_tokens: 8 });

    const b = (await (await chat(server.url, { model: "m1", messages })).json()) as { model: string; usage: Record<string, number> };
    expect(b.model).toBe("other");
    expect(b.usage).toEqual({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    expect(server.requests).toHaveLength(2);
    const first = server.requests[0]!;
    expect(first.body).toEqual({ model: "m1", messages });
    expect(first.bearer).toEqual({ present: true, sha256Prefix: keyFingerprint("sk-secret-123") });
    expect(first.headers.authorization).toBeUndefined();
    expect(JSON.stringify(server.requests)).not.toContain("sk-secret-123");
    expect(server.requests[1]!.bearer).toEqual({ present: false, sha256Prefix: null });
    expect(server.unexpected).toEqual([]);
  });

  it("answers scripted errors with their headers, and 500 'unexpected request' when nothing is queued", async () => {
    server = await startFakeOpenAI();
    server.reply({ status: 429, headers: { "retry-after": "1" } });
    const limited = await chat(server.url, { model: "m", messages });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(((await limited.json()) as { error: { type: string } }).error.type).toBe("rate_limit_error");

    const stray = await chat(server.url, { model: "m", messages });
    expect(stray.status).toBe(500);
    expect(await stray.text()).toContain("unexpected request");
    expect(server.unexpected).toHaveLength(1);
    expect(server.unexpected[0]!.path).toBe("/v1/chat/completions");
  });

  it("lists models, and flags unknown routes as unexpected", async () => {
    server = await startFakeOpenAI({ models: ["a", "b"] });
    const list = (await (await fetch(`${server.url}/models`)).json()) as { data: { id: string }[] };
    expect(list.data.map((m) => m.id)).toEqual(["a", "b"]);
    const missing = await fetch(`${server.url}/embeddings`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(404);
    expect(server.unexpected.map((r) => r.path)).toEqual(["/v1/embeddings"]);
  });

  it("rejects json_schema response formats with an OpenAI-style 400 when told to, without using a queued reply", async () => {
    server = await startFakeOpenAI({ jsonSchema: "reject" });
    server.reply({ content: "plain" });
    const rejected = await chat(server.url, { model: "m", messages, response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } } });
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { error: { message: string } }).error.message).toBe(JSON_SCHEMA_REJECTION);
    expect(server.pending).toBe(1);
    const plain = await chat(server.url, { model: "m", messages, response_format: { type: "json_object" } });
    expect(plain.status).toBe(200);
  });

  it("calls function replies with the recorded request, delays, and hangs until the client gives up", async () => {
    server = await startFakeOpenAI();
    server.reply((request) => ({ content: `you sent ${(request.body as { model: string }).model}`, delayMs: 50 }), { hang: true });
    const started = Date.now();
    const answered = (await (await chat(server.url, { model: "echo", messages })).json()) as { choices: { message: { content: string } }[] };
    expect(answered.choices[0]?.message.content).toBe("you sent echo");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);

    await expect(chat(server.url, { model: "m", messages }, { signal: AbortSignal.timeout(100) })).rejects.toThrow(/abort|timeout/i);
    expect(server.requests).toHaveLength(2);
  });

  it("closes promptly even while a request hangs", async () => {
    server = await startFakeOpenAI();
    server.reply({ hang: true });
    const pending = chat(server.url, { model: "m", messages }).then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = Date.now();
    await server.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
  });
});
