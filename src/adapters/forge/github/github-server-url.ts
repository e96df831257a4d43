// The web/git host that belongs to a GitHub API URL: api.github.com → github.com, GHES …/api/v3 → …, and
// anything else (a local test server, a proxy) serves both from the same root.

export const GITHUB_API_URL = "https://api.github.com";

export function githubServerUrl(apiUrl: string): string {
  const trimmed = apiUrl.replace(/\/+$/, "");
  if (/^https:\/\/api\.github\.com$/i.test(trimmed)) return "https://github.com";
  return trimmed.replace(/\/api\/v3$/i, "");
}
