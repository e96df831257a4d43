import { describe, expect, it } from "vitest";
import { detectSecrets, secretPathReason } from "../../src/core/secrets/detect-secrets.js";
import { isPlaceholder, looksRandom, shannonEntropy } from "../../src/core/secrets/secret-values.js";

// Secret-shaped values are made here from a seeded generator, so the repository holds no string that a
// scanner (or a forge's push protection) would take for a real credential.
function token(length: number, seed: number, alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"): string {
  let state = seed >>> 0 || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out += alphabet[(state >>> 8) % alphabet.length];
  }
  return out;
}
const HEX = "0123456789abcdef";
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function pemBody(seed: number): string {
  return [0, 1, 2, 3].map((i) => token(64, seed + i, B64)).join("\n");
}

const kinds = (text: string, path?: string): string[] => detectSecrets(text, path === undefined ? {} : { path }).map((f) => f.kind);

describe("detectSecrets: true positives", () => {
  const cases: [string, string, string][] = [
    ["RSA private key", `-----BEGIN RSA PRIVATE KEY-----\n${pemBody(1)}\n-----END RSA PRIVATE KEY-----\n`, "private_key"],
    ["OpenSSH private key", `-----BEGIN OPENSSH PRIVATE KEY-----\r\n${pemBody(2)}\r\n-----END OPENSSH PRIVATE KEY-----`, "private_key"],
    ["PGP private key with armour headers", `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${pemBody(3)}\n`, "private_key"],
    ["AWS access key id", `aws_access_key_id = AKIA${token(16, 4, UPPER32)}`, "aws_access_key_id"],
    ["AWS secret access key", `AWS_SECRET_ACCESS_KEY="${token(40, 5, B64)}"`, "aws_secret_access_key"],
    ["GCP API key", `const key = "AIza${token(35, 6)}";`, "gcp_api_key"],
    ["Azure storage account key", `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${token(86, 7, B64.slice(0, 62))}==;EndpointSuffix=core.windows.net`, "azure_storage_key"],
    ["Azure client secret", `client_secret: ${token(3, 8)}8Q~${token(34, 9)}`, "azure_client_secret"],
    ["GitHub classic token", `token: ghp_${token(36, 10)}`, "github_token"],
    ["GitHub app installation token", `Authorization: token ghs_${token(36, 11)}`, "github_token"],
    ["GitHub OAuth token", `gho_${token(36, 12)}`, "github_token"],
    ["GitHub fine-grained token", `GH_PAT=github_pat_${token(22, 13)}_${token(59, 14)}`, "github_token"],
    ["GitLab token", `GITLAB_TOKEN=glpat-${token(20, 15)}`, "gitlab_token"],
    ["Gitea token (40 hex assigned to a token name)", `gitea_token: ${token(40, 16, HEX)}`, "forge_token"],
    ["Slack bot token", `SLACK=xoxb-${token(12, 17, "0123456789")}-${token(24, 18)}`, "slack_token"],
    ["Slack webhook", `https://hooks.slack.com/services/T${token(8, 19, UPPER32)}/B${token(8, 20, UPPER32)}/${token(24, 21)}`, "slack_webhook"],
    ["Stripe live key", `stripe.api_key = "sk_live_${token(24, 22)}"`, "stripe_key"],
    ["OpenAI project key", `OPENAI_API_KEY=sk-proj-${token(64, 23)}`, "openai_key"],
    ["OpenAI legacy key", `sk-${token(48, 24)}`, "openai_key"],
    ["Anthropic key", `ANTHROPIC_API_KEY=sk-ant-api03-${token(93, 25)}`, "anthropic_key"],
    ["npm token", `npm_${token(36, 26)}`, "npm_token"],
    [".npmrc auth token", `//registry.npmjs.org/:_authToken=${token(36, 27, HEX)}-${token(8, 28, HEX)}`, "npm_token"],
    ["JWT", `bearer eyJ${token(30, 29)}.eyJ${token(60, 30)}.${token(43, 31)}`, "jwt"],
    ["URL with a password", `DATABASE=postgres://app:${token(20, 32)}@db.internal:5432/app`, "url_credentials"],
    ["high-entropy value assigned to *_KEY", `SIGNING_KEY=${token(32, 33)}`, "assigned_secret"],
    ["high-entropy value assigned to apiKey in JSON", `{"apiKey": "${token(28, 34)}"}`, "assigned_secret"],
    ["high-entropy value in YAML under *_SECRET", `  client_secret: ${token(30, 35, B64)}`, "assigned_secret"],
    ["hex secret assigned to a secret name", `SESSION_SECRET = '${token(64, 36, HEX)}'`, "assigned_secret"],
    ["literal password", `db_password = "Tr0ub4dor&3xq"`, "password"],
    ["Go := assignment", `authToken := "${token(32, 37)}"`, "assigned_secret"],
  ];
  it.each(cases)("%s", (_name, text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it("finds a GCP service-account JSON and its private key", () => {
    const json = JSON.stringify({ type: "service_account", project_id: "p", private_key_id: token(40, 40, HEX), private_key: `-----BEGIN PRIVATE KEY-----\n${pemBody(41)}\n-----END PRIVATE KEY-----\n` }, null, 2);
    expect(kinds(json)).toEqual(expect.arrayContaining(["gcp_service_account", "private_key"]));
  });

  it("reports 1-based line and column of the secret and never the secret text", () => {
    const secret = `ghp_${token(36, 50)}`;
    const text = `first line\n  const t = "${secret}";\n`;
    const findings = detectSecrets(text);
    expect(findings).toEqual([{ kind: "github_token", line: 2, column: 14 }]);
    expect(JSON.stringify(findings)).not.toContain(secret.slice(4));
    expect(text.split("\n")[1]!.slice(13)).toMatch(/^ghp_/);
  });

  it("reports one finding for a known format that is also assigned to a key-like name", () => {
    expect(kinds(`GITHUB_TOKEN=ghp_${token(36, 51)}`)).toEqual(["github_token"]);
  });

  it("finds several secrets in order of position", () => {
    const text = `a = 1\nnpm_${token(36, 52)}\nAKIA${token(16, 53, UPPER32)}\n`;
    expect(detectSecrets(text).map((f) => [f.kind, f.line])).toEqual([["npm_token", 2], ["aws_access_key_id", 3]]);
  });
});

describe("detectSecrets: false positives", () => {
  const cases: [string, string][] = [
    ["a private key header in parser code", `if (text.startsWith("-----BEGIN PRIVATE KEY-----")) return parse(text);`],
    ["a private key with a placeholder body", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"],
    ["AWS's documented example key id", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"],
    ["AWS's documented example secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["a repeated-character GitHub token", `GITHUB_TOKEN=ghp_${"x".repeat(36)}`],
    ["a zero GitHub token", `ghp_${"0".repeat(36)}`],
    ["an env reference", "OPENAI_API_KEY=${OPENAI_API_KEY}"],
    ["a shell variable", "export API_TOKEN=$API_TOKEN"],
    ["a template expression", "token: {{ secrets.GITHUB_TOKEN }}"],
    ["an Actions expression", "api_key: ${{ secrets.API_KEY }}"],
    ["angle-bracket placeholder", 'api_key = "<your-api-key>"'],
    ["changeme", "password: changeme"],
    ["your-token-here", 'GITLAB_TOKEN="your-token-here"'],
    ["xxx", 'SECRET_KEY = "xxxxxxxxxxxxxxxxxxxxxxxx"'],
    ["code reading the environment", "const apiKey = process.env.OPENAI_API_KEY;"],
    ["python reading the environment", 'token = os.environ["GITHUB_TOKEN"]'],
    ["a call", "const token = await getInstallationToken(octokit, id);"],
    ["a member chain", "const secret = this.options.clientSecret;"],
    ["a type annotation", "apiKey: string;"],
    ["a zod schema", "token: z.string().min(1),"],
    ["a key id, not a key", `private_key_id: ${token(40, 60, HEX)}`],
    ["an env var name", "api_key_env: ROUTER_KEY"],
    ["a git sha assigned to a non-secret name", `commit = ${token(40, 61, HEX)}`],
    ["tokenizer is not token", `tokenizer: ${token(30, 62)}`],
    ["a word assigned to a key", 'sort_key = "created_at_descending"'],
    ["a short password word", 'password = "hunter2"'],
    ["a file path", "SSH_KEY=/home/ci/.ssh/id_ed25519"],
    ["the OpenAI docs placeholder", 'OPENAI_API_KEY="sk-..."'],
    ["a sequential fake", 'API_KEY = "1234567890abcdefghij"'],
    ["a URL with a placeholder password", "postgres://user:password@localhost/db"],
    ["a URL with an env password", "https://bot:${TOKEN}@github.com/o/r.git"],
    ["a UUID assigned to an id", `client_id = "6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f"`],
    ["a JWT-like doc string with a short signature", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig"],
    ["prose mentioning tokens", "The token: it is sent in a header, and the key: a string of letters."],
    ["a documentation sample token", "const auth = createTokenAuth(\"ghp_PersonalAccessToken01245678900000000\");"],
    ["a sample token with no random body", "token: 'ghu_InstallationUserToServer000000000000'"],
    ["a sample value spelling its purpose", 'refreshToken: "r1.refreshtoken123"'],
    ["an SSH public key", `"key": "ssh-rsa AAAAB3NzaC1yc2E${token(200, 64, B64)} user@host"`],
    ["a bundler-renamed identifier", "type SemicolonToken = SemicolonToken$1;"],
    ["base64 image data under a non-secret name", `data = "${token(80, 63, B64)}"`],
  ];
  it.each(cases)("%s", (_name, text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  it("judges only vendor formats in test code, where made-up values abound", () => {
    const text = `const TOKEN = "${token(30, 71)}";\nconst key = "npm_${token(36, 72)}";\n`;
    expect(kinds(text, "src/client.ts")).toEqual(["assigned_secret", "npm_token"]);
    expect(kinds(text, "test/integration/client.test.ts")).toEqual(["npm_token"]);
  });

  it("reports nothing for a file in a test-fixture folder", () => {
    const text = `GITHUB_TOKEN=ghp_${token(36, 70)}`;
    expect(kinds(text)).toEqual(["github_token"]);
    expect(kinds(text, "test/fixtures/env.txt")).toEqual([]);
    expect(kinds(text, "pkg/testdata/config.yml")).toEqual([]);
    expect(kinds(text, "src/config.ts")).toEqual(["github_token"]);
  });

  it("stays linear on a long line without whitespace", () => {
    const long = `key=${"a1".repeat(250_000)}`;
    const started = performance.now();
    detectSecrets(long);
    detectSecrets("x".repeat(500_000));
    detectSecrets("-----BEGIN PRIVATE KEY-----\n" + "A".repeat(500_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("secretPathReason", () => {
  it.each([
    "deploy/deploy_key.pem",
    "certs/server.key",
    "keys/release.p12",
    "id_rsa",
    "home/.ssh/id_ed25519",
    "config/credentials.json",
    "credentials",
    ".aws/credentials",
    ".netrc",
    ".git-credentials",
    ".env",
    "app/.env.production",
    "config/secrets.yml",
    "gcp/service-account-prod.json",
    "infra/terraform.tfstate",
    "CONFIG/CREDENTIALS.JSON",
  ])("%s holds credentials", (path) => {
    expect(secretPathReason(path)).toEqual(expect.any(String));
  });

  it.each([
    "src/index.ts",
    "id_rsa.pub",
    ".ssh/id_ed25519.pub",
    ".env.example",
    ".env.sample",
    "docs/keys.md",
    "src/credentialsForm.tsx",
    "test/fixtures/server.pem",
    "testdata/id_rsa",
    "keyboard.ts",
  ])("%s does not", (path) => {
    expect(secretPathReason(path)).toBeUndefined();
  });
});

describe("secret values", () => {
  it("measures entropy in bits per character", () => {
    expect(shannonEntropy("")).toBe(0);
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });

  it("tells random tokens from words and placeholders", () => {
    expect(looksRandom(token(32, 80))).toBe(true);
    expect(looksRandom(token(40, 81, HEX))).toBe(true);
    expect(looksRandom("created_at_descending")).toBe(false);
    expect(looksRandom("deadbeefdeadbeefdeadbeef")).toBe(false);
    expect(isPlaceholder("<token>")).toBe(true);
    expect(isPlaceholder("abcabcabcabc")).toBe(true);
    expect(isPlaceholder(token(32, 82))).toBe(false);
  });
});
