import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/redact-secrets.ts
function redactSecrets(text, secrets, marker = "***") {
  const ordered = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length);
  return ordered.reduce((out, secret) => out.split(secret).join(marker), text);
}

export {
  redactSecrets
};
