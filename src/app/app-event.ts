// Webhook payloads → AppEvent: the few fields prd-bot acts on, validated with zod where they enter. GitHub and
// Gitea payloads share these field names (Gitea mirrors GitHub's), so one parser serves both; where they
// differ (Gitea's `synchronized`, its `is_pull` flag, no `deleted` on push) the difference is named here.
import { z } from "zod";
import type { ForgeKind, RepoRef } from "../ports/forge.js";

interface EventBase {
  forge: ForgeKind;
  repo: RepoRef;
  /** From the payload's repository; undefined when the payload lacks it. */
  defaultBranch: string | undefined;
}

export type AppEvent =
  | (EventBase & { type: "comment"; number: number; onPullRequest: boolean; commentId: number; author: string; authorIsBot: boolean; body: string; action: string })
  | (EventBase & { type: "push"; ref: string; before: string; after: string; deleted: boolean; paths: string[]; pathsComplete: boolean })
  | (EventBase & {
      type: "pull_request";
      action: string;
      number: number;
      headSha: string;
      state: string;
      /** GitHub `labeled`/`unlabeled`: the label. */
      label: string | undefined;
      /** The pull request's labels (Gitea's `label_updated` names no label, only these). */
      labels: string[];
      /** Who did it (a label trigger needs their write access). */
      sender: string | undefined;
      senderIsBot: boolean;
    })
  | (EventBase & { type: "issue"; action: string; number: number; label: string | undefined })
  | { type: "unhandled"; forge: ForgeKind; name: string }
  | { type: "invalid"; forge: ForgeKind; name: string; reason: string };

/** Events the app subscribes to (app.yml); anything else is acknowledged and ignored. */
export const HANDLED_EVENTS = ["push", "issue_comment", "pull_request", "issues"] as const;

// GitHub caps `commits` at 2048 and Gitea at its PAYLOAD_COMMIT_LIMIT (often 20 or fewer); a push at or above
// the smaller cap may be missing files, so the app asks the forge for the full comparison instead.
const COMMITS_SHOWN_AT_MOST = 20;
const ZERO_SHA = /^0+$/;

const user = z.object({ login: z.string().min(1), type: z.string().optional() });
const repository = z.object({
  name: z.string().min(1),
  owner: z.object({ login: z.string().min(1) }),
  default_branch: z.string().min(1).optional(),
});
const base = { repository, sender: user.optional() };

const commentPayload = z.object({
  ...base,
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    pull_request: z.object({}).nullish(),
    is_pull: z.boolean().optional(),
  }),
  comment: z.object({ id: z.number().int().positive(), body: z.string().nullable(), user }),
});

const pushPayload = z.object({
  ...base,
  ref: z.string().min(1),
  before: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  total_commits: z.number().int().optional(),
  commits: z
    .array(z.object({ added: z.array(z.string()).nullish(), modified: z.array(z.string()).nullish(), removed: z.array(z.string()).nullish() }))
    .nullish(),
});

const pullPayload = z.object({
  ...base,
  action: z.string(),
  number: z.number().int().positive(),
  pull_request: z.object({ head: z.object({ sha: z.string().min(1) }), state: z.string(), labels: z.array(z.object({ name: z.string() })).nullish() }),
  label: z.object({ name: z.string() }).nullish(),
});

const issuePayload = z.object({
  ...base,
  action: z.string(),
  issue: z.object({ number: z.number().int().positive() }),
  label: z.object({ name: z.string() }).nullish(),
});

export function toAppEvent(forge: ForgeKind, name: string, payload: unknown): AppEvent {
  switch (name) {
    case "issue_comment":
      return parse(forge, name, commentPayload, payload, (p) => ({
        ...common(forge, p),
        type: "comment",
        action: p.action,
        number: p.issue.number,
        onPullRequest: p.issue.pull_request != null || p.issue.is_pull === true,
        commentId: p.comment.id,
        author: p.comment.user.login,
        authorIsBot: p.comment.user.type === "Bot" || p.comment.user.login.endsWith("[bot]"),
        body: p.comment.body ?? "",
      }));
    case "push":
      return parse(forge, name, pushPayload, payload, (p) => {
        const commits = p.commits ?? [];
        const paths = new Set<string>();
        for (const commit of commits) for (const list of [commit.added, commit.modified, commit.removed]) for (const path of list ?? []) paths.add(path);
        const shown = commits.length;
        const pathsComplete = p.total_commits !== undefined ? shown >= p.total_commits : shown < COMMITS_SHOWN_AT_MOST;
        return { ...common(forge, p), type: "push", ref: p.ref, before: p.before, after: p.after, deleted: p.deleted ?? ZERO_SHA.test(p.after), paths: [...paths], pathsComplete };
      });
    case "pull_request":
      return parse(forge, name, pullPayload, payload, (p) => ({
        ...common(forge, p),
        type: "pull_request",
        // Gitea says `synchronized` where GitHub says `synchronize`.
        action: p.action === "synchronized" ? "synchronize" : p.action,
        number: p.number,
        headSha: p.pull_request.head.sha,
        state: p.pull_request.state,
        label: p.label?.name,
        labels: (p.pull_request.labels ?? []).map((l) => l.name),
        sender: p.sender?.login,
        senderIsBot: p.sender?.type === "Bot" || (p.sender?.login.endsWith("[bot]") ?? false),
      }));
    case "issues":
      return parse(forge, name, issuePayload, payload, (p) => ({ ...common(forge, p), type: "issue", action: p.action, number: p.issue.number, label: p.label?.name }));
    default:
      return { type: "unhandled", forge, name };
  }
}

function common(forge: ForgeKind, p: { repository: z.infer<typeof repository> }): EventBase {
  return { forge, repo: { owner: p.repository.owner.login, repo: p.repository.name }, defaultBranch: p.repository.default_branch };
}

function parse<S extends z.ZodType, T extends AppEvent>(forge: ForgeKind, name: string, schema: S, payload: unknown, build: (parsed: z.infer<S>) => T): T | AppEvent {
  const result = schema.safeParse(payload);
  if (result.success) return build(result.data);
  const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`);
  return { type: "invalid", forge, name, reason: `the ${name} payload is not what prd-bot expects (${problems.join("; ")})` };
}
