// Where git pushes and how it authenticates: an HTTPS URL without credentials and a Basic auth header for
// http.extraHeader (Workspace.push passes it through the environment). GitHub wants the user
// "x-access-token" with an installation or Actions token; Gitea ignores the user when the password is a token.
import type { GitRemote } from "../../ports/forge.js";

export function gitRemoteFor(serverUrl: string, owner: string, repo: string, token: string): GitRemote {
  const url = `${serverUrl.replace(/\/+$/, "")}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}.git`;
  const authHeader = `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
  return { url, authHeader };
}

/** The user and password (token) a remote's Basic auth header carries, or undefined for another header. */
export function basicCredentials(remote: GitRemote): { user: string; password: string; encoded: string } | undefined {
  const encoded = /^Authorization:\s*Basic\s+(\S+)$/i.exec(remote.authHeader)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1), encoded };
}

/** The secrets a forge must keep out of messages: the token and the header that carries it. */
export function secretsOf(token: string | undefined): string[] {
  if (!token) return [];
  return [token, Buffer.from(`x-access-token:${token}`).toString("base64")];
}
