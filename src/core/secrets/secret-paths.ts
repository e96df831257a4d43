// File names that hold credentials whatever their content says: key files, SSH identities, cloud and tool
// credential stores. Test fixtures (a `fixtures/` or `testdata/` folder) are exempt: their keys are made
// for the tests.

const FIXTURE_SEGMENTS = new Set(["fixtures", "fixture", "__fixtures__", "testdata", "test-data", "test_data"]);

const NAME_RULES: readonly { test: (name: string) => boolean; reason: string }[] = [
  { test: (n) => /\.(pem|key|p12|pfx|jks|keystore|ppk|p8|der)$/.test(n), reason: "a key or certificate store (*.pem, *.key, *.p12, *.pfx, *.jks, *.ppk)" },
  { test: (n) => /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/.test(n), reason: "an SSH private key (id_rsa*, id_ed25519*)" },
  { test: (n) => /^credentials?([._-]|$)/.test(n), reason: "a credentials file (credentials*)" },
  { test: (n) => /^(\.netrc|_netrc|\.pgpass|\.git-credentials|\.htpasswd|\.dockercfg)$/.test(n), reason: "a password store (.netrc, .pgpass, .git-credentials, .htpasswd)" },
  { test: (n) => /^\.env(\..+)?$/.test(n) && !/\.(example|sample|template|dist|defaults?)$/.test(n), reason: "an environment file (.env, .env.*)" },
  { test: (n) => /^secrets?\.(json|ya?ml|toml|env|ini)$/.test(n), reason: "a secrets file (secrets.json, secrets.yml)" },
  { test: (n) => /^(service[-_]?account|sa[-_]key).*\.json$/.test(n), reason: "a cloud service-account key (service-account*.json)" },
  { test: (n) => /\.(tfstate|tfstate\.backup|kdbx)$/.test(n), reason: "a state or password database (*.tfstate, *.kdbx)" },
];

/** Why the file at `path` holds credentials by its name alone, or undefined. Case-insensitive. */
export function secretPathReason(path: string): string | undefined {
  const segments = path.replace(/\\/g, "/").toLowerCase().split("/").filter((s) => s !== "");
  if (segments.length === 0) return undefined;
  if (isFixturePath(segments)) return undefined;
  const name = segments[segments.length - 1]!;
  if (segments.includes(".ssh") && !name.endsWith(".pub") && name !== "known_hosts" && name !== "config") {
    return "a file in an .ssh folder";
  }
  if (segments[segments.length - 2] === ".aws" && (name === "credentials" || name === "config")) return "AWS credentials (.aws/credentials)";
  if (segments[segments.length - 2] === ".docker" && name === "config.json") return "Docker registry credentials (.docker/config.json)";
  return NAME_RULES.find((rule) => rule.test(name))?.reason;
}

/** Whether `path` lies in a test-fixture folder, where made-up keys belong. */
export function isFixturePath(path: string | readonly string[]): boolean {
  const segments = typeof path === "string" ? path.replace(/\\/g, "/").toLowerCase().split("/") : path;
  return segments.slice(0, -1).some((segment) => FIXTURE_SEGMENTS.has(segment));
}
