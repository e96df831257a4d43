// The patterns of known credential formats. Each rule names the kind it reports and which capture group
// is the secret itself (judged for placeholders; never reported). Every quantifier is bounded so that a
// long line costs linear time. Formats follow the vendors' documentation of their token prefixes.
import { isPlaceholder, looksRandom, shannonEntropy } from "./secret-values.js";

export interface SecretRule {
  kind: string;
  pattern: RegExp;
  /** The capture group holding the secret value (0: the whole match). */
  group: number;
  /** Extra judgement on the value; default: not a placeholder. */
  accept?: (value: string, match: RegExpExecArray) => boolean;
}

const notPlaceholder = (value: string): boolean => !isPlaceholder(value);
// A body of a known prefix is random: a low-entropy one ("ghp_aaaa…", "sk-proj-0000…") is made up.
const randomBody = (min: number) => (value: string): boolean => !isPlaceholder(value) && shannonEntropy(value) >= min;

export const SECRET_RULES: readonly SecretRule[] = [
  {
    kind: "private_key",
    // The header, optional armour headers, then a real base64 body (raw newlines or JSON's "\n" escapes):
    // a line that only names the header ("-----BEGIN PRIVATE KEY-----" in a parser) is not a key.
    pattern:
      /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?)-----(?:\r?\n|(?:\\r)?\\n)(?:[A-Za-z-]{1,40}: [^\n]{0,200}(?:\r?\n|(?:\\r)?\\n)){0,5}(?:\r?\n|(?:\\r)?\\n)?([A-Za-z0-9+/=]{40,})/g,
    group: 2,
    accept: randomBody(3.5),
  },
  { kind: "aws_access_key_id", pattern: /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z2-7]{16})(?![A-Za-z0-9])/g, group: 1, accept: randomBody(2.5) },
  {
    kind: "aws_secret_access_key",
    pattern: /aws[_.-]?secret(?:[_.-]?access)?[_.-]?key["']?\s{0,5}(?:[:=]|=>|:=)\s{0,5}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
    accept: (value) => !isPlaceholder(value) && looksRandom(value),
  },
  { kind: "gcp_api_key", pattern: /(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g, group: 1, accept: randomBody(3.5) },
  {
    kind: "gcp_service_account",
    // The key file Google hands out: the type and a private key with a real body (checked by accept).
    pattern: /"type"\s{0,5}:\s{0,5}"service_account"/g,
    group: 0,
    accept: (_value, match) => /"private_key"\s{0,5}:\s{0,5}"-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=]{40,}/.test(match.input),
  },
  {
    kind: "azure_storage_key",
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g,
    group: 1,
    accept: randomBody(4),
  },
  {
    kind: "azure_client_secret",
    // Entra ID client secrets: three characters, a digit, "Q~", then 31–34 more.
    pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
    group: 1,
    accept: randomBody(3.5),
  },
  {
    kind: "azure_sas_token",
    pattern: /[?&]sv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,300}?sig=([A-Za-z0-9%+/=]{40,100})/g,
    group: 1,
    accept: notPlaceholder,
  },
  { kind: "github_token", pattern: /(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(4)) },
  { kind: "github_token", pattern: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(11)) },
  { kind: "gitlab_token", pattern: /(?<![A-Za-z0-9_-])((?:glpat|gldt|glrt|glptt|glft|glsoat)-[A-Za-z0-9_-]{20,60})(?![A-Za-z0-9_-])/g, group: 1, accept: (v) => randomBody(3.2)(v.slice(v.indexOf("-") + 1)) },
  { kind: "slack_token", pattern: /(?<![A-Za-z0-9-])(xox[abposr]-[0-9A-Za-z-]{10,250})(?![A-Za-z0-9-])/g, group: 1, accept: (v) => randomBody(3)(v.slice(5)) },
  {
    kind: "slack_webhook",
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/(T[A-Z0-9]{6,12}\/[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,40})/g,
    group: 1,
    accept: notPlaceholder,
  },
  { kind: "stripe_key", pattern: /(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,250})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(8)) },
  { kind: "anthropic_key", pattern: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|sid)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g, group: 1, accept: (v) => randomBody(3.8)(v.slice(14)) },
  {
    kind: "openai_key",
    // Project, service-account and admin keys, and the legacy "sk-…T3BlbkFJ…" form; "sk-ant-" is Anthropic's.
    pattern: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-|None-)?(?!ant-)[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/g,
    group: 1,
    accept: (v) => randomBody(3.8)(v.slice(3)),
  },
  { kind: "npm_token", pattern: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, group: 1, accept: (v) => randomBody(3.5)(v.slice(4)) },
  {
    kind: "npm_token",
    // .npmrc: "//registry.npmjs.org/:_authToken=…" (a "${NPM_TOKEN}" reference is the right way and no secret).
    pattern: /:_(?:authToken|auth|password)\s{0,3}=\s{0,3}["']?([^\s"']{8,300})/g,
    group: 1,
    accept: (value) => !isPlaceholder(value) && shannonEntropy(value) >= 3,
  },
  {
    kind: "jwt",
    pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/g,
    group: 1,
    accept: (value) => !isPlaceholder(value) && shannonEntropy(value.split(".")[2] ?? "") >= 3.5,
  },
  {
    kind: "url_credentials",
    // https://user:password@host — the password part; "user:${TOKEN}@" and "user:pass@" stand-ins are not.
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@"'<>]{1,100}:([^\s:/@"'<>]{8,200})@[A-Za-z0-9.-]{1,200}/gi,
    group: 1,
    accept: (value) => !isPlaceholder(value) && !/^pass(word)?$/i.test(value) && shannonEntropy(value) >= 3,
  },
];
