import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/secrets/secret-paths.ts
var FIXTURE_SEGMENTS = /* @__PURE__ */ new Set(["fixtures", "fixture", "__fixtures__", "testdata", "test-data", "test_data"]);
var NAME_RULES = [
  { test: (n) => /\.(pem|key|p12|pfx|jks|keystore|ppk|p8|der)$/.test(n), reason: "a key or certificate store (*.pem, *.key, *.p12, *.pfx, *.jks, *.ppk)" },
  { test: (n) => /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/.test(n), reason: "an SSH private key (id_rsa*, id_ed25519*)" },
  { test: (n) => /^credentials?([._-]|$)/.test(n), reason: "a credentials file (credentials*)" },
  { test: (n) => /^(\.netrc|_netrc|\.pgpass|\.git-credentials|\.htpasswd|\.dockercfg)$/.test(n), reason: "a password store (.netrc, .pgpass, .git-credentials, .htpasswd)" },
  { test: (n) => /^\.env(\..+)?$/.test(n) && !/\.(example|sample|template|dist|defaults?)$/.test(n), reason: "an environment file (.env, .env.*)" },
  { test: (n) => /^secrets?\.(json|ya?ml|toml|env|ini)$/.test(n), reason: "a secrets file (secrets.json, secrets.yml)" },
  { test: (n) => /^(service[-_]?account|sa[-_]key).*\.json$/.test(n), reason: "a cloud service-account key (service-account*.json)" },
  { test: (n) => /\.(tfstate|tfstate\.backup|kdbx)$/.test(n), reason: "a state or password database (*.tfstate, *.kdbx)" }
];
function secretPathReason(path) {
  const segments = path.replace(/\\/g, "/").toLowerCase().split("/").filter((s) => s !== "");
  if (segments.length === 0) return void 0;
  if (isFixturePath(segments)) return void 0;
  const name = segments[segments.length - 1];
  if (segments.includes(".ssh") && !name.endsWith(".pub") && name !== "known_hosts" && name !== "config") {
    return "a file in an .ssh folder";
  }
  if (segments[segments.length - 2] === ".aws" && (name === "credentials" || name === "config")) return "AWS credentials (.aws/credentials)";
  if (segments[segments.length - 2] === ".docker" && name === "config.json") return "Docker registry credentials (.docker/config.json)";
  return NAME_RULES.find((rule) => rule.test(name))?.reason;
}
function isFixturePath(path) {
  const segments = typeof path === "string" ? path.replace(/\\/g, "/").toLowerCase().split("/") : path;
  return segments.slice(0, -1).some((segment) => FIXTURE_SEGMENTS.has(segment));
}

// src/core/secrets/secret-values.ts
var PLACEHOLDER_WORDS = /x{3,}|\*{3,}|\.{3,}|example|changeme|change_me|change-me|placeholder|your[_-]?|redacted|dummy|fake|sample|replace[_-]?me|insert[_-]|todo|fixme|lorem|not[_-]?a[_-]?(real|secret)|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|^\$[A-Za-z_]|^%[A-Za-z_]+%$/i;
var SAMPLE_WORDS = /token|secret|passw|access|private|public|personal|encoded|mock|demo|test/i;
function isPlaceholder(value) {
  if (value.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(value) || SAMPLE_WORDS.test(value)) return true;
  if (/^(.{1,4})\1+.{0,3}$/s.test(value)) return true;
  if (isSequential(value)) return true;
  return false;
}
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  const total = [...value].length;
  for (const count of counts.values()) {
    const p = count / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function charsetOf(value) {
  if (/^[0-9a-f]+$/i.test(value)) return "hex";
  if (/^[A-Za-z0-9+/=_-]+$/.test(value)) return "base64";
  return "other";
}
function looksRandom(value) {
  const charset = charsetOf(value);
  const entropy = shannonEntropy(value);
  if (charset === "hex") return value.length >= 20 && entropy >= 3 && /[0-9]/.test(value) && /[a-f]/i.test(value);
  if (value.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return entropy >= (value.length >= 24 ? 3.7 : 3.4);
}
function isSequential(value) {
  if (value.length < 6) return false;
  let covered = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) === value.charCodeAt(i - 1) + 1) run++;
    else {
      if (run >= 4) covered += run;
      run = 1;
    }
  }
  return covered / value.length >= 0.8;
}

// src/core/secrets/secret-rules.ts
var notPlaceholder = (value) => !isPlaceholder(value);
var randomBody = (min) => (value) => !isPlaceholder(value) && shannonEntropy(value) >= min;
var SECRET_RULES = [
  {
    kind: "private_key",
    // The header, optional armour headers, then a real base64 body (raw newlines or JSON's "\n" escapes):
    // a line that only names the header ("-----BEGIN PRIVATE KEY-----" in a parser) is not a key.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----(?:\r?\n|(?:\\r)?\\n)(?:[A-Za-z-]{1,40}: [^\n]{0,200}(?:\r?\n|(?:\\r)?\\n)){0,5}(?:\r?\n|(?:\\r)?\\n)?([A-Za-z0-9+/=]{40,})/g,
    group: 2,
    accept: randomBody(3.5)
  },
  { kind: "aws_access_key_id", pattern: /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16})(?![A-Za-z0-9])/g, group: 1, accept: randomBody(2.5) },
  {
    kind: "aws_secret_access_key",
    pattern: /aws[_.-]?secret(?:[_.-]?access)?[_.-]?key["']?\s{0,5}(?:[:=]|=>|:=)\s{0,5}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    accept: (value) => !isPlaceholder(value) && looksRandom(value)
  },
  { kind: "gcp_api_key", pattern: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g, group: 1, accept: randomBody(3.5) },
  {
    kind: "gcp_service_account",
    // The key file Google hands out: the type and a private key with a real body (checked by accept).
    pattern: /"type"\s{0,5}:\s{0,5}"service_account"/g,
    group: 0,
    accept: (_value, match) => /"private_key"\s{0,5}:\s{0,5}"-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=]{40,}/.test(match.input)
  },
  {
    kind: "azure_storage_key",
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g,
    group: 1,
    accept: randomBody(4)
  },
  {
    kind: "azure_client_secret",
    // Entra ID client secrets: three characters, a digit, "Q~", then 31–34 more.
    pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
    group: 1,
    accept: randomBody(3.5)
  },
  {
    kind: "azure_sas_token",
    pattern: /[?&]sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,300}?sig=([A-Za-z0-9%+/=]{40,100})/g,
    group: 1,
    accept: notPlaceholder
  },
  { kind: "github_token", pattern: /(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(4)) },
  { kind: "github_token", pattern: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(11)) },
  { kind: "gitlab_token", pattern: /(?<![A-Za-z0-9_-])((?:glpat|gldt|glrt|glptt|glft|glsoat)-[A-Za-z0-9_-]{20,60})(?![A-Za-z0-9_-])/g, group: 1, accept: (v) => randomBody(3.2)(v.slice(v.indexOf("-") + 1)) },
  { kind: "slack_token", pattern: /(?<![A-Za-z0-9-])(xox[abposr]-[0-9A-Za-z-]{10,250})(?![A-Za-z0-9-])/g, group: 1, accept: (v) => randomBody(3)(v.slice(5)) },
  {
    kind: "slack_webhook",
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,40})/g,
    group: 1,
    accept: notPlaceholder
  },
  { kind: "stripe_key", pattern: /(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,250})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(8)) },
  { kind: "anthropic_key", pattern: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g, group: 1, accept: (v) => randomBody(3.8)(v.slice(14)) },
  {
    kind: "openai_key",
    // Project, service-account and admin keys, and the legacy "sk-…T3BlbkFJ…" form; "sk-ant-" is Anthropic's.
    pattern: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-|None-)?(?!ant-)[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    group: 1,
    accept: (v) => randomBody(3.8)(v.slice(3))
  },
  { kind: "npm_token", pattern: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(4)) },
  {
    kind: "npm_token",
    // .npmrc: "//registry.npmjs.org/:_authToken=…" (a "${NPM_TOKEN}" reference is the right way and no secret).
    pattern: /:_(?:authToken|auth|password)\s{0,3}=\s{0,3}["']?([^\s"']{8,300})/g,
    group: 1,
    accept: (value) => !isPlaceholder(value) && shannonEntropy(value) >= 3
  },
  {
    kind: "jwt",
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/g,
    group: 1,
    accept: (value) => !isPlaceholder(value) && shannonEntropy(value.split(".")[2] ?? "") >= 3.5
  },
  {
    kind: "url_credentials",
    // https://user:password@host — the password part; "user:${TOKEN}@" and "user:pass@" stand-ins are not.
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@"'<>]{1,100}:([^\s:/@"'<>]{8,200})@[A-Za-z0-9.-]{1,200}/gi,
    group: 1,
    accept: (value) => !isPlaceholder(value) && !/^pass(word)?$/i.test(value) && shannonEntropy(value) >= 3
  }
];

// src/core/test-files.ts
var TEST_DIRS = /* @__PURE__ */ new Set(["test", "tests", "__tests__", "spec", "specs", "testing", "e2e"]);
var SOURCE_EXTENSIONS = /* @__PURE__ */ new Set([
  "js",
  "jsx",
  "mjs",
  "cjs",
  "ts",
  "tsx",
  "mts",
  "cts",
  "vue",
  "svelte",
  "py",
  "go",
  "rs",
  "rb",
  "java",
  "kt",
  "kts",
  "scala",
  "groovy",
  "cs",
  "fs",
  "vb",
  "swift",
  "m",
  "mm",
  "c",
  "cc",
  "cpp",
  "cxx",
  "h",
  "hpp",
  "php",
  "ex",
  "exs",
  "erl",
  "hs",
  "ml",
  "clj",
  "cljs",
  "dart",
  "lua",
  "pl",
  "t",
  "r",
  "jl",
  "zig",
  "nim",
  "sh",
  "bash",
  "bats",
  "ps1",
  "elm"
]);
function isSourcePath(path) {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot > 0 && SOURCE_EXTENSIONS.has(name.slice(dot + 1));
}
function hasTestName(path) {
  const original = baseName(path, false);
  const name = original.toLowerCase();
  if (/\.(test|spec)\.[a-z0-9]+$/.test(name)) return true;
  if (/^test_.+\.[a-z0-9]+$/.test(name) || /_(test|spec)\.[a-z0-9]+$/.test(name)) return true;
  if (/\.(t|bats)$/.test(name)) return true;
  return /[a-z0-9](Test|Tests|Spec|IT)\.[A-Za-z0-9]+$/.test(original);
}
function isTestLocation(path) {
  const segments = path.replace(/\\/g, "/").split("/");
  segments.pop();
  return segments.some((dir) => TEST_DIRS.has(dir.toLowerCase())) || hasTestName(path);
}
function isTestCode(path) {
  return isSourcePath(path) && isTestLocation(path);
}
function baseName(path, lower = true) {
  const name = path.replace(/\\/g, "/").split("/").pop() ?? "";
  return lower ? name.toLowerCase() : name;
}

// src/core/secrets/detect-secrets.ts
var ASSIGNMENT = /(?<![A-Za-z0-9_.-])["']?([A-Za-z_][A-Za-z0-9_.-]{0,80})["']?\s{0,5}(?:=>|:=|=|:)\s{0,5}(?:(["'`])([^"'`\n]{1,400}?)\2|([^\s"'`,;)}\]]{1,400}))/g;
var SECRET_WORDS = /* @__PURE__ */ new Set(["key", "token", "secret", "password", "passwd", "pwd", "passphrase", "credential", "credentials", "apikey", "pat", "auth"]);
var PASSWORD_WORDS = /* @__PURE__ */ new Set(["password", "passwd", "pwd", "passphrase"]);
var QUALIFIER_WORDS = /* @__PURE__ */ new Set(["base", "value", "val", "raw", "b64", "base64", "hex", "str", "string", "data", "prod", "production", "dev", "staging", "live", "test", "local", "main", "primary", "secondary", "old", "new", "v1", "v2"]);
var HEURISTIC_KINDS = /* @__PURE__ */ new Set(["assigned_secret", "password", "url_credentials"]);
function detectSecrets(text, options = {}) {
  if (options.path !== void 0 && isFixturePath(options.path)) return [];
  const inTests = options.path !== void 0 && isTestLocation(options.path);
  const found = [];
  const judged = [];
  for (const rule of SECRET_RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match !== null; match = rule.pattern.exec(text)) {
      const value = match[rule.group] ?? match[0];
      const accepted = rule.accept === void 0 ? !isPlaceholder(value) : rule.accept(value, match);
      const start = match.index + match[0].indexOf(value);
      if (accepted) found.push({ kind: rule.kind, start, end: start + value.length });
      else judged.push({ start, end: start + value.length });
    }
  }
  for (const assigned of assignedSecrets(text)) {
    const overlaps = (f) => f.start < assigned.end && assigned.start < f.end;
    if (!found.some(overlaps) && !judged.some(overlaps)) found.push(assigned);
  }
  found.sort((a, b) => a.start - b.start);
  const lines = lineStarts(text);
  return found.filter((f) => !(inTests && HEURISTIC_KINDS.has(f.kind))).map(({ kind, start }) => {
    const line = lineOf(lines, start);
    return { kind, line: line + 1, column: start - lines[line] + 1 };
  });
}
function assignedSecrets(text) {
  const out = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match !== null; match = ASSIGNMENT.exec(text)) {
    const name = match[1];
    const quoted = match[3] !== void 0;
    const value = (match[3] ?? match[4] ?? "").trim();
    const words = nameWords(name);
    if (!namesSecret(words)) continue;
    if (/\s/.test(value) || isPlaceholder(value) || looksLikeCode(value, quoted)) continue;
    const start = match.index + match[0].lastIndexOf(value);
    const entry = { start, end: start + value.length };
    if (/^[0-9a-f]{40}$/.test(value) && words.includes("token")) out.push({ kind: "forge_token", ...entry });
    else if (looksRandom(value)) out.push({ kind: "assigned_secret", ...entry });
    else if (words.some((w) => PASSWORD_WORDS.has(w)) && looksLikePassword(value)) out.push({ kind: "password", ...entry });
  }
  return out;
}
function namesSecret(words) {
  let end = words.length - 1;
  while (end > 0 && QUALIFIER_WORDS.has(words[end])) end--;
  return SECRET_WORDS.has(words[end]);
}
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}
function looksLikeCode(value, quoted) {
  if (/^(process\.env|os\.environ|env\.|secrets\.|vars\.|inputs\.|settings\.|config\.)/i.test(value)) return true;
  if (/^\.{0,2}\/|^~\/|^[A-Za-z]:\\/.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(value)) return true;
  if (quoted) return false;
  if (/[()[\]{}]/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+$/.test(value)) return true;
  if (/^[A-Za-z_$][A-Za-z_$]*$/.test(value) || /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true;
  return /^[A-Za-z_][\w]*\$\d*$/.test(value);
}
function looksLikePassword(value) {
  if (value.length < 8 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 3;
}
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function lineOf(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export {
  isTestCode,
  secretPathReason,
  detectSecrets
};
