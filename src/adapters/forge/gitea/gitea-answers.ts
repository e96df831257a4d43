// The parts of Gitea's answers the adapter reads, parsed where they enter. Gitea's Swagger marks no field as
// required, so a wrong server (a proxy's page, an old or foreign API) shows up here as a clear error
// instead of an `undefined` deep inside a job.
import { z } from "zod";
import { ForgeError } from "../../../ports/forge.js";

const user = z.object({ login: z.string() });
export const userAnswer = user;
const branch = z.object({
  ref: z.string(),
  sha: z.string(),
  repo_id: z.number().optional(),
  repo: z.object({ full_name: z.string() }).nullish(),
});

export const pullAnswer = z.object({
  number: z.number(),
  html_url: z.string(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.string(),
  draft: z.boolean().optional(),
  head: branch,
  base: branch,
  user: user.nullish(),
  labels: z.array(z.object({ id: z.number(), name: z.string() })).nullish(),
});
export type GiteaPull = z.infer<typeof pullAnswer>;

export const repositoryAnswer = z.object({ default_branch: z.string() });
export const commentAnswer = z.object({ id: z.number(), html_url: z.string() });
export const listedCommentAnswer = z.object({ id: z.number(), body: z.string().nullish(), user: user.nullish(), html_url: z.string().nullish() });
export const reviewAnswer = z.object({ id: z.number() });
export const statusAnswer = z.object({ context: z.string().nullish(), status: z.string().nullish() });
// `position` is the new-side line, `original_position` the old-side one (0 when the comment is not on that side).
export const reviewCommentAnswer = z.object({
  id: z.number(),
  path: z.string().nullish(),
  body: z.string().nullish(),
  position: z.number().nullish(),
  original_position: z.number().nullish(),
});
export const labelAnswer = z.object({ id: z.number(), name: z.string() });
export const permissionAnswer = z.object({ permission: z.string() });
export const versionAnswer = z.object({ version: z.string() });
export const contentsAnswer = z.object({ type: z.string(), encoding: z.string().nullish(), content: z.string().nullish() });
export const compareAnswer = z.object({
  commits: z
    .array(
      z.object({
        sha: z.string(),
        parents: z.array(z.object({ sha: z.string() })).nullish(),
        files: z.array(z.object({ filename: z.string(), status: z.string() })).nullish(),
      }),
    )
    .nullish(),
});

export function parseAnswer<T>(schema: z.ZodType<T>, data: unknown, operation: string, what: string, apiUrl: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(answer)"}: ${issue.message}`);
  throw new ForgeError(operation, `Gitea answered ${what} in a shape prd-bot does not know (${issues.join("; ")}); is ${apiUrl} the API of a Gitea 1.22 or newer?`);
}
