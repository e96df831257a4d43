// The patch model's answer for one file: `{"patches": [{old_string, new_string, rationale, confidence}]}`,
// validated where it enters. Found tolerantly (fences, prose) like a proposal; the error is short enough to
// quote back in the one repair request.
import { z } from "zod";
import { extractJsonObjects } from "../extract-json.js";

export const patchSchema = z
  .object({
    old_string: z.string().describe("Text copied from the file that occurs exactly once in it."),
    new_string: z.string().describe("What replaces old_string."),
    rationale: z.string().describe("One short sentence: which finding this fixes and why it is safe."),
    confidence: z.number().min(0).max(100).describe("0-100: how sure you are that this patch is right and safe."),
  })
  .strict();

export const patchAnswerSchema = z
  .object({
    patches: z.array(patchSchema).describe("At most two patches; an empty list when unsure."),
  })
  .strict();

export type Patch = z.infer<typeof patchSchema>;

/** JSON Schema for `response_format: json_schema`. */
export const patchAnswerJsonSchema: Record<string, unknown> = (() => {
  const schema = z.toJSONSchema(patchAnswerSchema) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
})();

export type ParsePatchesResult = { ok: true; patches: Patch[] } | { ok: false; error: string };

export function parsePatchAnswer(text: string): ParsePatchesResult {
  if (text.trim() === "") return { ok: false, error: "the answer is empty; reply with one JSON object {\"patches\": [...]}" };
  const found = extractJsonObjects(text);
  let firstError: string | undefined;
  for (const candidate of found.objects) {
    if (!Object.hasOwn(candidate.value, "patches")) continue;
    const parsed = patchAnswerSchema.safeParse(coerce(candidate.value));
    if (parsed.success) return { ok: true, patches: parsed.data.patches };
    firstError ??= parsed.error.issues
      .slice(0, 4)
      .map((issue) => `${issue.path.map(String).join(".") || "(top)"}: ${issue.message}`)
      .join("; ");
  }
  if (firstError) return { ok: false, error: `the answer does not match the schema: ${firstError}` };
  if (found.truncated) return { ok: false, error: `the answer was cut off at line ${found.truncated.line}; reply with a shorter, complete JSON object` };
  if (found.syntaxError) return { ok: false, error: `the JSON at line ${found.syntaxError.line} is not valid: ${found.syntaxError.message}` };
  return { ok: false, error: "no JSON object with a \"patches\" key found; reply with one JSON object {\"patches\": [...]}" };
}

/** Models quote numbers ("95") and leave rationale out; both are accepted, nothing else is coerced. */
function coerce(value: Record<string, unknown>): Record<string, unknown> {
  const patches = value["patches"];
  if (!Array.isArray(patches)) return value;
  return {
    ...value,
    patches: patches.map((patch: unknown) => {
      if (typeof patch !== "object" || patch === null) return patch;
      const entry = { ...(patch as Record<string, unknown>) };
      if (typeof entry["confidence"] === "string" && /^\s*\d{1,3}(\.\d+)?\s*%?\s*$/.test(entry["confidence"])) entry["confidence"] = parseFloat(entry["confidence"]);
      if (entry["rationale"] === undefined) entry["rationale"] = "";
      return entry;
    }),
  };
}
