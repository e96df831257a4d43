// The parts of GitHub's and Gitea's webhook payloads that routing reads, validated once where they enter.
// Loose objects: both forges send many more fields, and new ones must not break routing. Gitea's shapes
// differ in places (no `author_association`, `is_pull` on comments, PR `number` at the top), so every
// field that one of them may omit is optional here and the router decides what a gap means.
import { z } from "zod";

const repository = z.looseObject({
  full_name: z.string().optional(),
  default_branch: z.string().optional(),
});

const user = z.looseObject({
  login: z.string().optional(),
  // Gitea's user object has `username`/`login`, never `type`.
  type: z.string().optional(),
});

export const pushPayload = z.looseObject({
  ref: z.string(),
  before: z.string(),
  after: z.string().optional(),
  deleted: z.boolean().optional(),
  repository: repository.optional(),
  commits: z
    .array(
      z.looseObject({
        added: z.array(z.string()).nullish(),
        modified: z.array(z.string()).nullish(),
        removed: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
});

const label = z.looseObject({ name: z.string() });

const issue = z.looseObject({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.string().optional(),
  labels: z.array(label).nullish(),
  // Present (an object) when the issue is a pull request, on both forges; null or absent otherwise.
  pull_request: z.looseObject({}).nullish(),
  user: user.nullish(),
});

export const issuesPayload = z.looseObject({
  action: z.string(),
  issue,
  label: label.nullish(),
  repository: repository.optional(),
});

export const issueCommentPayload = z.looseObject({
  action: z.string(),
  issue,
  comment: z.looseObject({ id: z.number().int(), body: z.string().nullish(), user: user.nullish(), author_association: z.string().optional() }),
  // Gitea marks comments on pull requests with `is_pull: true`.
  is_pull: z.boolean().optional(),
  repository: repository.optional(),
});

const prSide = z.looseObject({
  ref: z.string(),
  sha: z.string().optional(),
  // null when the fork the PR came from was deleted.
  repo: repository.nullish(),
});

export const pullRequestPayload = z.looseObject({
  action: z.string(),
  number: z.number().int().positive().optional(),
  pull_request: z.looseObject({
    number: z.number().int().positive().optional(),
    head: prSide,
    base: prSide,
    draft: z.boolean().optional(),
    state: z.string().optional(),
    // Gitea's `label_updated` names no label: the pull request's labels after the change say what it has.
    labels: z.array(label).nullish(),
  }),
  // GitHub's `labeled` / `unlabeled`: the label added or removed.
  label: label.nullish(),
  // Who did it (GitHub and Gitea): whose write access a label trigger needs.
  sender: user.nullish(),
  repository: repository.optional(),
});

export const dispatchPayload = z.looseObject({
  // GitHub sends `inputs: null` when the workflow declares none.
  inputs: z.record(z.string(), z.unknown()).nullish(),
  ref: z.string().optional(),
  repository: repository.optional(),
});

export type PushPayload = z.infer<typeof pushPayload>;
export type IssuesPayload = z.infer<typeof issuesPayload>;
export type IssueCommentPayload = z.infer<typeof issueCommentPayload>;
export type PullRequestPayload = z.infer<typeof pullRequestPayload>;
export type DispatchPayload = z.infer<typeof dispatchPayload>;

/** The event's payload does not have the shape that event always has: the runner handed over something else. */
export class EventPayloadError extends Error {
  readonly event: string;
  constructor(event: string, problems: string) {
    super(
      `the ${event} event's payload (GITHUB_EVENT_PATH) is not shaped like a ${event} webhook: ${problems}. ` +
        "Check that GITHUB_EVENT_NAME matches the payload file; when testing locally, copy a real payload of that event",
    );
    this.name = "EventPayloadError";
    this.event = event;
  }
}

/** Parses `payload` with `schema`, or throws EventPayloadError naming each bad field by its path. */
export function parsePayload<T>(event: string, schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(the payload)"}: ${issue.message}`)
    .join("; ");
  throw new EventPayloadError(event, problems);
}
