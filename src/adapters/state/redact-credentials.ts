// Remote URLs may carry a token (https://x-access-token:<token>@github.com/...). Every text that
// leaves the store (errors, descriptions) goes through a redactor built from that URL.
import { redactSecrets } from "../../core/redact-secrets.js";
import { redactUrls } from "../workspace/exec-git.js";

/** Returns a function that removes the URL's user name, password and any userinfo from a text. */
export function createRedactor(remoteUrl: string): (text: string) => string {
  const secrets = new Set<string>();
  try {
    const url = new URL(remoteUrl);
    for (const part of [url.password, url.username]) {
      if (part.length >= 4) {
        secrets.add(part);
        secrets.add(safeDecode(part));
      }
    }
  } catch {
    // Not a URL (a local path or user@host:path): only the generic userinfo rule applies.
  }
  return (text) => redactSecrets(redactUrls(text), [...secrets]);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
