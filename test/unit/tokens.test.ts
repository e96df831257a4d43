import { encodeChat, encode } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/ports/model.js";
import { countTokens, estimateChatTokens } from "../../src/core/tokens.js";

describe("countTokens", () => {
  it("counts o200k_base tokens", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello")).toBe(1);
    const text = "export function parseRow(line: string): string[] { return line.split(','); }";
    expect(countTokens(text)).toBe(encode(text).length);
    expect(countTokens(text)).toBeGreaterThan(10);
  });

  it("counts a long whitespace-free run in bounded time, exactly for ordinary text", () => {
    const started = performance.now();
    const run = countTokens("x".repeat(300_000));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(run).toBeGreaterThan(10_000);
    const code = "const value = compute(alpha, beta);\n".repeat(200) + "z".repeat(256);
    expect(countTokens(code)).toBe(encode(code).length);
  });

  it("counts special-token text as plain text instead of throwing", () => {
    const text = "a file that mentions <|endoftext|> and <|im_start|>";
    expect(() => encode(text)).toThrow();
    expect(countTokens(text)).toBeGreaterThan(6);
  });

  it("grows with the text", () => {
    const line = "const value = compute(input, options);\n";
    expect(countTokens(line.repeat(100))).toBeGreaterThan(countTokens(line.repeat(10)) * 9);
  });
});

describe("estimateChatTokens", () => {
  it("matches the chat encoding of gpt-tokenizer, framing included", () => {
    const conversations: ChatMessage[][] = [
      [{ role: "user", content: "" }],
      [
        { role: "system", content: "You write small, tested changes. Answer with JSON only." },
        { role: "user", content: "Gap: parse the CSV header row.\n\n```ts\nexport const x = 1;\n```" },
      ],
      [
        { role: "system", content: "s" },
        { role: "user", content: "u" },
        { role: "assistant", content: '{"summary":"x"}' },
        { role: "user", content: "The tests failed:\nAssertionError: expected 2 to be 3" },
      ],
    ];
    for (const messages of conversations) {
      expect(estimateChatTokens(messages)).toBe(encodeChat(messages, "gpt-4o").length);
    }
  });
});
