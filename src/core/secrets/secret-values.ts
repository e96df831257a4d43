// Judging a candidate value: placeholders that documentation and templates use instead of a secret, and
// Shannon entropy (bits per character) to tell a random token from a word. Pure string functions.

// Words that mark a value as a stand-in: "<your-key>", "changeme", "xxx", "example", "${VAR}", "{{ secret }}".
const PLACEHOLDER_WORDS =
  /x{3,}|\*{3,}|\.{3,}|example|changeme|change_me|change-me|placeholder|your[_-]?|redacted|dummy|fake|sample|replace[_-]?me|insert[_-]|todo|fixme|lorem|not[_-]?a[_-]?(real|secret)|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|^\$[A-Za-z_]|^%[A-Za-z_]+%$/i;

// Words that documentation writes inside a sample token ("ghp_PersonalAccessToken0000", "useraccesstoken123",
// "base64-encoded-public-key"); a generated token holds a 4+ letter English word only by rare chance.
const SAMPLE_WORDS = /token|secret|passw|access|private|public|personal|encoded|mock|demo|test/i;

/** Whether `value` is an obvious stand-in rather than a secret. */
export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(value) || SAMPLE_WORDS.test(value)) return true;
  // All the same character ("aaaaaaaa", "0000000000"), or one short run repeated ("abcabcabc", "12121212").
  if (/^(.{1,4})\1+.{0,3}$/s.test(value)) return true;
  // A run of a counting sequence ("1234567890", "abcdefgh") is how people write a fake value.
  if (isSequential(value)) return true;
  return false;
}

/** Shannon entropy of `value` in bits per character (0 for ""). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  const total = [...value].length;
  for (const count of counts.values()) {
    const p = count / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export type Charset = "hex" | "base64" | "other";

export function charsetOf(value: string): Charset {
  if (/^[0-9a-f]+$/i.test(value)) return "hex";
  if (/^[A-Za-z0-9+/=_-]+$/.test(value)) return "base64";
  return "other";
}

/**
 * Whether `value` looks random enough to be a generated credential. Thresholds follow the usual scanners'
 * (detect-secrets: 3.0 bits for hex, 4.5 for base64 at full length): random hex of 32+ characters measures
 * about 3.7, random base64 of 20+ about 4.2, English words and identifiers 2.5–3.3.
 */
export function looksRandom(value: string): boolean {
  const charset = charsetOf(value);
  const entropy = shannonEntropy(value);
  if (charset === "hex") return value.length >= 20 && entropy >= 3.0 && /[0-9]/.test(value) && /[a-f]/i.test(value);
  if (value.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return entropy >= (value.length >= 24 ? 3.7 : 3.4);
}

function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  // Characters that continue a counting run of 4 or more ("1234", "abcd"), as a share of the value.
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
