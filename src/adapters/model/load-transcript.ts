// Reads a recorded transcript (a cycle's `transcript` file, or a demo fixture) and checks its shape once,
// at the edge, so replay can trust it.
import { z } from "zod";
import type { Transcript } from "../../ports/model.js";

const usage = z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() });

const exchange = z
  .object({
    purpose: z.string().min(1),
    request: z.object({
      model: z.string(),
      messages: z.array(z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string() })),
      max_tokens: z.number().int().nonnegative(),
      json_schema: z.string().optional(),
    }),
    response: z.object({ content: z.string(), model: z.string(), usage, structured: z.boolean() }).nullable(),
    error: z.string().optional(),
  })
  .refine((e) => e.response !== null || e.error !== undefined, {
    error: "an exchange needs a response or an error (was the recording cut short?)",
  });

const transcriptSchema = z.object({
  version: z.literal(1, { error: "unsupported transcript version: this prd-bot reads version 1" }),
  exchanges: z.array(exchange),
});

const MAX_ISSUES = 5;

/** Parses and validates a transcript; `source` (a path) names the file in every error. */
export function loadTranscript(json: string, source: string): Transcript {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message}); a transcript is the JSON file prd-bot writes for a cycle`);
  }
  const result = transcriptSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, MAX_ISSUES).map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`);
    const more = result.error.issues.length > MAX_ISSUES ? `; and ${result.error.issues.length - MAX_ISSUES} more` : "";
    throw new Error(`${source}: not a valid prd-bot transcript: ${issues.join("; ")}${more}. Fix those fields or record the transcript again.`);
  }
  const transcript: Transcript = result.data;
  return transcript;
}
