// One way to keep known secrets out of a text: every occurrence of each, longest first (so a secret that
// contains another is replaced whole), secrets shorter than 4 characters ignored (they would mangle
// ordinary words, and "***" itself is never one).

export function redactSecrets(text: string, secrets: readonly string[], marker = "***"): string {
  const ordered = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length);
  return ordered.reduce((out, secret) => out.split(secret).join(marker), text);
}
