// The environment a test/check command gets: an allowlist, not a filter. The command runs code a model wrote,
// so it sees what a build needs (PATH, HOME, locale, toolchain locations) and the names a repository lists in
// `test.env`, and never a provider key, a forge token, an Action input or the runner's own variables, even
// when a config names one on purpose (core/refused-env-name.ts).
import { refusedEnvName } from "../../../core/refused-env-name.js";

/** Variables every build may read: shell basics, locale, terminal, and where toolchains live. */
export const ALLOWED_ENV: readonly string[] = [
  // shell and user
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "HOSTNAME", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TZ", "CI",
  "LANG", "LANGUAGE", "TMPDIR", "TEMP", "TMP",
  "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  // C and native builds
  "CC", "CXX", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "LDFLAGS", "MAKEFLAGS", "PKG_CONFIG_PATH", "LD_LIBRARY_PATH",
  "SSL_CERT_FILE", "SSL_CERT_DIR",
  // JVM
  "JAVA_HOME", "JDK_HOME", "MAVEN_HOME", "M2_HOME", "MAVEN_OPTS", "GRADLE_HOME", "GRADLE_USER_HOME", "GRADLE_OPTS",
  // Go
  "GOPATH", "GOROOT", "GOCACHE", "GOMODCACHE", "GOFLAGS", "GO111MODULE", "CGO_ENABLED", "GOTOOLCHAIN",
  // Rust
  "CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN", "RUSTFLAGS", "CARGO_TARGET_DIR",
  // Python
  "VIRTUAL_ENV", "CONDA_PREFIX", "CONDA_DEFAULT_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE",
  "PYTHONUNBUFFERED", "PYENV_ROOT", "PYENV_VERSION",
  // Node
  "NODE_PATH", "NODE_ENV", "NODE_OPTIONS", "NODE_EXTRA_CA_CERTS", "NVM_DIR", "NVM_BIN", "COREPACK_HOME",
  // Ruby, .NET, PHP, Android
  "GEM_HOME", "GEM_PATH", "BUNDLE_GEMFILE", "BUNDLE_PATH", "RBENV_ROOT",
  "DOTNET_ROOT", "DOTNET_CLI_HOME", "DOTNET_CLI_TELEMETRY_OPTOUT", "NUGET_PACKAGES",
  "COMPOSER_HOME", "ANDROID_HOME", "ANDROID_SDK_ROOT",
];

const ALLOWED = new Set(ALLOWED_ENV);
const ALLOWED_PREFIX = /^LC_[A-Z_]+$/;

export interface CheckEnvOptions {
  /** More names to pass through (the repository's `test.env`). Refused names are dropped, never passed. */
  allow?: readonly string[];
  /** Names never passed even if allowed (the configured providers' `api_key_env`). */
  deny?: readonly string[];
  /** Set on top, after filtering (prd-bot's own markers; never a secret). */
  extra?: Record<string, string>;
}

/** The allowlisted part of `base`, plus `extra`. */
export function checkEnv(base: NodeJS.ProcessEnv, options: CheckEnvOptions = {}): Record<string, string> {
  const deny = new Set(options.deny ?? []);
  const allowed = new Set((options.allow ?? []).filter((name) => refusedEnvName(name) === undefined));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || deny.has(name)) continue;
    if (ALLOWED.has(name) || ALLOWED_PREFIX.test(name) || allowed.has(name)) env[name] = value;
  }
  return { ...env, ...options.extra };
}
