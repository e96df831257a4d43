import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../src/core/redact-secrets.js";

describe("redactSecrets", () => {
  it("replaces every occurrence, the longest secret first, and ignores secrets under 4 characters", () => {
    expect(redactSecrets("tok abc tokabc-long tok", ["tok", "tokabc-long", "abcd"])).toBe("tok abc *** tok");
    expect(redactSecrets("key sk-12345678 and sk-12345678", ["sk-12345678", "sk-12345678"], "[redacted]")).toBe("key [redacted] and [redacted]");
    expect(redactSecrets("nothing here", [])).toBe("nothing here");
  });
});
