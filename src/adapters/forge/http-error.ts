// The shape of @octokit/request's RequestError, checked structurally so an Octokit from another copy of the
// package (Probot's context.octokit) is recognised too.

export interface HttpError extends Error {
  status: number;
  response?: { headers: Record<string, string | number | undefined>; data: unknown };
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === "number";
}

/** A 429, or a 403 that GitHub marks as a rate limit (remaining 0, or a secondary limit). */
export function isRateLimited(error: HttpError): boolean {
  if (error.status === 429) return true;
  if (error.status !== 403) return false;
  const headers = error.response?.headers ?? {};
  return String(headers["x-ratelimit-remaining"]) === "0" || /\bsecondary rate\b/i.test(forgeMessage(error)) || headers["retry-after"] !== undefined;
}

/** What the forge said: the JSON `message`, or the start of a text answer, without octokit's doc-link suffix. */
export function forgeMessage(error: HttpError): string {
  const data = error.response?.data;
  if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") {
    const { message, errors } = data as { message: string; errors?: unknown };
    // GitHub's 422s put the reason in `errors` ("A pull request already exists…", "line must be part of the diff").
    const details = Array.isArray(errors) ? errors.map(describeDetail).filter((d) => d !== "" && d !== message) : [];
    return details.length ? `${message} (${details.join("; ")})` : message;
  }
  if (typeof data === "string" && data.trim() !== "") {
    // A proxy's HTML error page: keep its text, not its markup.
    return data.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
  }
  return error.message.replace(/ - https?:\/\/\S+$/, "");
}

function describeDetail(detail: unknown): string {
  if (typeof detail === "string") return detail;
  if (detail && typeof detail === "object") {
    const { message, field, code } = detail as { message?: unknown; field?: unknown; code?: unknown };
    if (typeof message === "string") return message;
    if (typeof field === "string") return `${field}: ${typeof code === "string" ? code : "invalid"}`;
  }
  return "";
}
