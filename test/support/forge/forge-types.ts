// Types shared by the GitHub and Gitea test forges (see README.md in this folder).
import type { IncomingHttpHeaders } from "node:http";
import type { ForgeKind } from "../../../src/ports/forge.js";
import type { GitRepoRoute } from "./git-http-backend.js";

/** A validated API request as a handler sees it. */
export interface ForgeRequest {
  method: string;
  /** Request path without the API base path and query, e.g. `/repos/acme/app/pulls`. */
  path: string;
  /** The description's template that matched, e.g. `/repos/{owner}/{repo}/pulls`. */
  template: string;
  operationId: string;
  /** Path parameters by the description's names, decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-cased headers, without `authorization`. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface ForgeReply {
  status: number;
  /** An object is sent as JSON (and validated against the description); a string is sent as text. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type ForgeHandler = (request: ForgeRequest) => ForgeReply | Promise<ForgeReply>;

/** A scripted failure, answered instead of the handler (after validation and auth). */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** Defaults to `{ message: "injected fault <status>" }`. */
  body?: unknown;
}

export type ViolationKind = "unknown-route" | "invalid-request" | "invalid-response" | "handler-error";

/** Something that would not work against the real forge, or a test forge used wrongly: a test expects []. */
export interface Violation {
  kind: ViolationKind;
  method: string;
  path: string;
  /** `METHOD template (operationId)` when the route was found. */
  operation?: string;
  message: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  template: string | undefined;
  operationId: string | undefined;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  /** Status the server answered. */
  status: number;
  /** The API token matched. */
  authorized: boolean;
}

export interface RecordedGitRequest {
  method: string;
  /** `/owner/repo.git/info/refs` */
  path: string;
  /** `git-upload-pack` (fetch/clone) or `git-receive-pack` (push), when named. */
  service: string | undefined;
  status: number;
}

export interface ForgeServerOptions {
  /** The API token and git password the server accepts; default a random `test-token-...`. Never logged. */
  token?: string;
  /** Check handler answers against the description (default true): a wrongly shaped answer is a test bug. */
  validateResponses?: boolean;
  /** Status for invalid requests and answers (default 599, which no real forge sends). */
  violationStatus?: number;
}

export interface ForgeServer {
  readonly kind: ForgeKind;
  /** Server root, e.g. http://127.0.0.1:43123 (GitHub: the API URL, as GITHUB_API_URL; Gitea: API under /api/v1). */
  readonly url: string;
  /** Where the API lives: `url` for GitHub, `url + "/api/v1"` for Gitea. */
  readonly apiUrl: string;
  readonly token: string;
  /** Every API request, in order. */
  readonly requests: RecordedRequest[];
  readonly violations: Violation[];
  /** Valid requests that no handler was registered for (answered 500). */
  readonly unexpected: RecordedRequest[];
  readonly gitRequests: RecordedGitRequest[];
  /** Answer `method template` with `handler` (a later registration replaces an earlier one). */
  on(method: string, template: string, handler: ForgeHandler): void;
  /** Queue failures for `method template`, consumed in order before the handler runs. */
  fail(method: string, template: string, faults: Fault[]): void;
  /** Serve `owner/repo` over smart HTTP at `gitUrl(owner, repo)`. */
  serveGit(owner: string, repo: string, route: GitRepoRoute): void;
  /** Clone URL without credentials: http://127.0.0.1:P/owner/repo.git */
  gitUrl(owner: string, repo: string): string;
  /** Clone URL with the token as basic-auth password, as the forge adapters build it. Never log it. */
  authenticatedGitUrl(owner: string, repo: string): string;
  close(): Promise<void>;
}
