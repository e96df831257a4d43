import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  claimSentences,
  isHedged,
  quoteClaim
} from "./chunk-67CUJNE5.js";
import {
  parsePatch
} from "./chunk-NAZR2PN3.js";
import {
  initParsers
} from "./chunk-3UQTJ3QH.js";
import {
  require_picomatch,
  symbolsOf
} from "./chunk-2QDLELWW.js";
import {
  createOpenAIModelClient,
  resolveModelChain
} from "./chunk-VEPGM2LT.js";
import {
  GitError,
  authEnv,
  execGit,
  readBlobs,
  redactUrls,
  splitNul
} from "./chunk-ODAENZB3.js";
import {
  ConfigError
} from "./chunk-MNAF46MU.js";
import {
  detectSecrets,
  secretPathReason
} from "./chunk-O3YUUCCS.js";
import {
  budgetedModelClient
} from "./chunk-7NIWIZEQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import {
  __toESM
} from "./chunk-4TII4YUW.js";

// src/jobs/audit/index.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// src/core/audit/render-audit.ts
function buildReport(issues, skipped, model) {
  const blocking = issues.filter((i) => i.blocking);
  const advisories = issues.length - blocking.length;
  const notes = [];
  if (advisories > 0) notes.push(`${advisories} ${advisories === 1 ? "advisory" : "advisories"}`);
  if (skipped.length > 0) notes.push(`partial audit: ${skipped.map((s) => s.what).join("; ")} not read`);
  if (model.status !== "ran") notes.push(`model check ${model.status}: ${model.detail}`);
  const tail = notes.length > 0 ? ` (${notes.join("; ")})` : "";
  if (blocking.length > 0) {
    const first = blocking[0];
    const count = `${blocking.length} blocking ${blocking.length === 1 ? "issue" : "issues"}`;
    return { state: "failure", summary: `${count}: ${first.message}`, issues, skipped, model };
  }
  const what = skipped.length > 0 ? "No blocking issues in what was read" : "No blocking issues";
  return { state: "success", summary: `${what}${tail}`, issues, skipped, model };
}
function renderDetails(report, escape = (t) => t) {
  const line = (issue) => `- **${issue.kind}**${issue.path ? ` \`${issue.path}${issue.line ? `:${issue.line}` : ""}\`` : ""}: ${escape(issue.message)}`;
  const blocking = report.issues.filter((i) => i.blocking);
  const advice = report.issues.filter((i) => !i.blocking);
  const parts = [`**prd-bot auditor**: ${escape(report.summary)}`];
  if (blocking.length > 0) parts.push(`### Blocking (${blocking.length})
${blocking.map(line).join("\n")}`);
  if (advice.length > 0) parts.push(`### Advice (${advice.length})
${advice.map(line).join("\n")}`);
  if (report.issues.length === 0) parts.push("No issues found in what was read.");
  if (report.skipped.length > 0) parts.push(`### Not audited
${report.skipped.map((s) => `- ${escape(s.what)}: ${escape(s.reason)}`).join("\n")}`);
  const model = report.model.status === "ran" ? `ran (${report.model.detail}${report.model.claims !== void 0 ? `, ${report.model.claims} claims judged` : ""})` : `${report.model.status}: ${report.model.detail}`;
  parts.push(`Model check: ${escape(model)}.`);
  return parts.join("\n\n");
}

// src/core/audit/claims.json
var claims_default = {
  $comment: "Claim patterns of the auditor (src/core/audit/check-claims.ts). Data, not code: add a pattern here and a case in test/unit/audit-claims.test.ts. Patterns are JavaScript regular expressions, matched case-insensitively against one sentence of the PR's title, body or commit messages. kind: verification (the text says something was run or observed: backed by quoted output, or by a CI result on the head where ci_backs is true), tests_added (contradicted when no test changed), docs_only (contradicted when code changed), removes (contradicted when the named path or identifier is still there). blocking: whether an unbacked or contradicted claim of this pattern blocks (audit.blocking still decides per kind).",
  version: 1,
  claims: [
    {
      id: "verified_live",
      kind: "verification",
      ci_backs: false,
      blocking: true,
      pattern: "\\b(?:verified|confirmed|validated|tested|checked|probed)\\s+(?:it\\s+|this\\s+|that\\s+)?(?:live|in\\s+(?:prod|production|staging|the\\s+wild)|on\\s+(?:prod|production|staging|the\\s+(?:live|staging|prod(?:uction)?)\\s+\\w+)|against\\s+(?:prod|production|staging|the\\s+live\\s+\\w+))\\b"
    },
    {
      id: "live_probe",
      kind: "verification",
      ci_backs: false,
      blocking: true,
      pattern: "\\b(?:live[- ]probed?|live\\s+probes?|probes?\\s+(?:shows?|showed|returns?|returned|confirms?|confirmed)|smoke[- ]tested\\s+(?:live|in\\s+prod\\w*|on\\s+\\w+))\\b"
    },
    {
      id: "works_in_prod",
      kind: "verification",
      ci_backs: false,
      blocking: true,
      pattern: "\\b(?:works|working|running|deployed)\\s+(?:fine\\s+|correctly\\s+|as\\s+expected\\s+)?(?:in|on)\\s+(?:prod|production|staging)\\b"
    },
    {
      id: "measured_speedup",
      kind: "verification",
      ci_backs: false,
      blocking: true,
      pattern: "\\b(?:benchmarks?\\s+(?:show|shows|showed|confirm|confirms)|measured\\s+(?:a\\s+)?\\d+(?:\\.\\d+)?\\s*(?:%|x|\xD7|ms|s)\\b|\\d+(?:\\.\\d+)?\\s*(?:x|\xD7)\\s+faster\\b)"
    },
    {
      id: "tests_pass",
      kind: "verification",
      ci_backs: true,
      blocking: true,
      pattern: "(?:^|\\b(?:and|so|now)\\s+)(?:the\\s+)?tests?\\s+(?:now\\s+)?(?:pass|passes|passed)\\b|\\b(?:all\\s+(?:the\\s+)?(?:unit\\s+|integration\\s+|e2e\\s+)?tests?\\s+(?:pass|passes|passed|passing|green)|tests?\\s+(?:are\\s+|is\\s+)?(?:all\\s+)?(?:passing|green)|test\\s+suite\\s+(?:passes|passed|is\\s+green)|CI\\s+(?:is\\s+)?(?:green|passes|passed))\\b"
    },
    {
      id: "check_clean",
      kind: "verification",
      ci_backs: true,
      blocking: true,
      pattern: "\\b(?:cargo\\s+(?:check|clippy|test|build)|go\\s+(?:vet|test|build)|tsc|mypy|ruff|eslint|clippy|pytest|npm\\s+test|lint(?:er)?)\\b[^.\\n]{0,40}?\\b(?:clean|passes|passed|green|no\\s+(?:errors|warnings))\\b"
    },
    {
      id: "tested_locally",
      kind: "verification",
      ci_backs: false,
      blocking: false,
      pattern: "\\b(?:tested|verified)\\s+(?:it\\s+|this\\s+)?(?:locally|manually|by\\s+hand|on\\s+my\\s+machine)\\b"
    },
    {
      id: "adds_tests",
      kind: "tests_added",
      blocking: true,
      pattern: "\\b(?:adds?|added|adding|includes?|included|with|write|wrote|written|new)\\s+(?:a\\s+|an\\s+|some\\s+|more\\s+|the\\s+)?(?:unit\\s+|integration\\s+|regression\\s+|e2e\\s+|end-to-end\\s+)?(?:tests\\b|test\\s+(?:for|to|that|case|cases|coverage|suite)\\b|test\\s*$|test(?=[.,;:)]))"
    },
    {
      id: "docs_only",
      kind: "docs_only",
      blocking: true,
      pattern: "\\b(?:docs?[- ]only|documentation[- ]only|only\\s+(?:docs|documentation|comments?|the\\s+readme)|comments?[- ]only|readme[- ]only|no\\s+code\\s+changes?|typo[- ]only)\\b"
    },
    {
      id: "removes_named",
      kind: "removes",
      blocking: true,
      pattern: "\\b(?:removes?|removed|removing|deletes?|deleted|deleting|drops?|dropped|dropping)\\s+(?:the\\s+)?(?:(?:unused|dead|old|legacy|deprecated)\\s+)?(?:function|method|class|field|type|struct|file|module|constant|helper\\s+)?\\s*`([^`\\s]{3,120})`"
    }
  ]
};

// src/core/audit/claim-patterns.ts
var claimPattern = external_exports.object({
  id: external_exports.string().regex(/^[a-z_]+$/),
  kind: external_exports.enum(["verification", "tests_added", "docs_only", "removes"]),
  ci_backs: external_exports.boolean().optional(),
  blocking: external_exports.boolean(),
  pattern: external_exports.string().min(1)
}).strict();
var claimFile = external_exports.object({ $comment: external_exports.string().optional(), version: external_exports.literal(1), claims: external_exports.array(claimPattern).min(1) }).strict();
function parseClaimPatterns(raw) {
  const file = claimFile.parse(raw);
  return file.claims.map((claim) => {
    let regex;
    try {
      regex = new RegExp(claim.pattern, "i");
    } catch (error) {
      throw new Error(`claim pattern ${claim.id} is not a valid regular expression: ${error.message}`);
    }
    return { id: claim.id, kind: claim.kind, ciBacks: claim.ci_backs ?? false, blocking: claim.blocking, regex };
  });
}
var cached;
function claimPatterns() {
  cached ??= parseClaimPatterns(claims_default);
  return cached;
}

// src/core/audit/code-files.ts
var LANGUAGE_BY_EXTENSION = {
  ts: "ts",
  tsx: "ts",
  mts: "ts",
  cts: "ts",
  js: "ts",
  jsx: "ts",
  mjs: "ts",
  cjs: "ts",
  py: "python",
  pyi: "python",
  rs: "rust",
  go: "go"
};
var OTHER_CODE = /\.(java|kt|kts|scala|rb|php|cs|c|cc|cpp|cxx|h|hpp|swift|m|mm|ex|exs|erl|hs|lua|pl|sh|bash|zsh|dart|vue|svelte|sql|zig|nim|clj|fs|r|jl)$/i;
var TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|testdata|test_data|fixtures|e2e)\/|(^|\/)test_[^/]*\.py$|_test\.(py|go|rs)$|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)conftest\.py$|_spec\.rb$|Test\.(java|kt)$/i;
var GENERATED = /(^|\/)(vendor|node_modules|dist|build|target|third_party)\/|\.min\.js$|\.(lock|sum)$|(^|\/)package-lock\.json$/i;
function languageOfPath(path2) {
  const dot = path2.lastIndexOf(".");
  if (dot < 0 || dot < path2.lastIndexOf("/")) return void 0;
  return LANGUAGE_BY_EXTENSION[path2.slice(dot + 1).toLowerCase()];
}
function isTestPath(path2) {
  return TEST_PATH.test(path2);
}
function isGeneratedPath(path2) {
  return GENERATED.test(path2);
}
function isCodePath(path2) {
  if (isGeneratedPath(path2)) return false;
  return languageOfPath(path2) !== void 0 || OTHER_CODE.test(path2);
}

// src/core/audit/code-mask.ts
function maskCode(text, language, options = {}) {
  const out = text.split("");
  const maskStrings = options.strings ?? true;
  const blankComment = (from, to) => {
    for (let i2 = from; i2 < to && i2 < out.length; i2++) if (out[i2] !== "\n") out[i2] = " ";
  };
  const blank = (from, to) => {
    if (!maskStrings) return;
    for (let i2 = from; i2 < to && i2 < out.length; i2++) if (out[i2] !== "\n") out[i2] = " ";
  };
  const n = text.length;
  const hashComments = language === "python";
  const slashComments = language !== "python";
  const templateStack = [];
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (slashComments && c === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (slashComments && c === "/" && next === "*") {
      const stop = blockCommentEnd(text, i, language === "rust");
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (hashComments && c === "#") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blankComment(i, stop);
      i = stop;
      continue;
    }
    if (language === "ts" && c === "}" && templateStack.length > 0 && templateStack[templateStack.length - 1] === depth) {
      templateStack.pop();
      const stop = templateEnd(text, i + 1, templateStack, depth);
      blank(i + 1, stop.blankTo);
      i = stop.next;
      continue;
    }
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (language === "ts" && c === "`") {
      const stop = templateEnd(text, i + 1, templateStack, depth);
      blank(i, stop.blankTo);
      i = stop.next;
      continue;
    }
    if (language === "go" && c === "`") {
      const end = text.indexOf("`", i + 1);
      const stop = end < 0 ? n : end + 1;
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === "python" && (c === '"' || c === "'") && isPythonStringStart(text, i)) {
      const stop = pythonStringEnd(text, i);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (language === "rust" && (c === "r" || c === "b") && isRustRawStart(text, i)) {
      const stop = rustRawEnd(text, i);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" && language === "ts") {
      const stop = quotedEnd(text, i, c);
      blank(i, stop);
      i = stop;
      continue;
    }
    if (c === "'" && (language === "rust" || language === "go")) {
      const char = /^'(?:\\u\{[0-9a-fA-F]{1,6}\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'/u.exec(text.slice(i, i + 14));
      if (char) {
        blank(i, i + char[0].length);
        i += char[0].length;
        continue;
      }
    }
    i++;
  }
  return out.join("");
}
function blockCommentEnd(text, start, nested) {
  let level = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === "/" && text[i + 1] === "*" && (nested || level === 0)) {
      level++;
      i++;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      level--;
      i++;
      if (level === 0) return i + 1;
    }
  }
  return text.length;
}
function quotedEnd(text, start, quote) {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (c === "\n" && quote !== '"') return i;
  }
  return text.length;
}
function templateEnd(text, from, stack, depth) {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "`") return { blankTo: i + 1, next: i + 1 };
    else if (c === "$" && text[i + 1] === "{") {
      stack.push(depth);
      return { blankTo: i, next: i + 2 };
    }
  }
  return { blankTo: text.length, next: text.length };
}
function isPythonStringStart(text, i) {
  return text[i] === '"' || text[i] === "'";
}
function pythonStringEnd(text, start) {
  const quote = text[start];
  const triple = text.startsWith(quote.repeat(3), start);
  const raw = /[rR][bBfF]?$|[bBfF][rR]$/.test(text.slice(Math.max(0, start - 2), start));
  if (triple) {
    for (let i = start + 3; i < text.length; i++) {
      if (text[i] === "\\" && !raw) i++;
      else if (text.startsWith(quote.repeat(3), i)) return i + 3;
    }
    return text.length;
  }
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i + 1;
    else if (c === "\n") return i;
  }
  return text.length;
}
function isRustRawStart(text, i) {
  if (i > 0 && /[A-Za-z0-9_]/.test(text[i - 1])) return false;
  return /^(?:br|r|b)#*"/.test(text.slice(i, i + 8)) && !/^b'/.test(text.slice(i, i + 2));
}
function rustRawEnd(text, start) {
  const head = /^(br|r|b)(#*)"/.exec(text.slice(start, start + 260));
  if (!head) return start + 1;
  const open = start + head[0].length;
  if (head[1] === "b") return quotedEnd(text, open - 1, '"');
  const close = `"${head[2] ?? ""}`;
  const end = text.indexOf(close, open);
  return end < 0 ? text.length : end + close.length;
}

// src/core/audit/definition-lines.ts
var ID = "[A-Za-z_$][A-Za-z0-9_$]*";
var TS_KEYWORDS = /* @__PURE__ */ new Set(["if", "for", "while", "switch", "catch", "return", "function", "new", "typeof", "await", "yield", "else", "do", "try", "case", "default", "throw", "delete", "void", "import", "export", "super", "this", "constructor"]);
var RULES = {
  ts: [
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(?:class|interface|enum)\\s+(${ID})`), kind: "type" },
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?type\\s+(${ID})\\s*(?:<.*>)?\\s*=`), kind: "type" },
    { pattern: new RegExp(`^(?:export\\s+)?(?:declare\\s+)?(?:const|let|var)\\s+(${ID})\\s*[:=]`), kind: "constant" },
    // Class methods and members (indented): `  async name(…) {`, `  private name: T;`, `  name?: T;`.
    { pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly|abstract|override|async|get|set|declare)\\s+)*\\*?(${ID})\\s*(?:<[^>]*>)?\\s*\\([^)]*\\)?\\s*(?::\\s*[^={;]+)?\\s*\\{\\s*$`), kind: "method" },
    { pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly|declare)\\s+)*(${ID})\\??\\s*:\\s*[^,]+[;,]?\\s*$`), kind: "field" }
  ],
  python: [
    { pattern: new RegExp(`^\\s*(?:async\\s+)?def\\s+(${ID})\\s*\\(`), kind: "function" },
    { pattern: new RegExp(`^\\s*class\\s+(${ID})\\s*[(:]`), kind: "type" },
    { pattern: new RegExp(`^(${ID})\\s*(?::\\s*[^=]+)?=[^=]`), kind: "constant" },
    // Dataclass / pydantic / typed class fields: `    name: type` or `    name: type = default`.
    { pattern: new RegExp(`^\\s{2,}(${ID})\\s*:\\s*[A-Za-z_][\\w.\\[\\], |"']*(?:=.*)?$`), kind: "field" },
    { pattern: new RegExp(`^\\s+self\\.(${ID})\\s*(?::\\s*[^=]+)?=[^=]`), kind: "field" }
  ],
  rust: [
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:const\\s+|async\\s+|unsafe\\s+|extern\\s+"[^"]*"\\s+)*fn\\s+(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:struct|enum|trait|union|type)\\s+(${ID})`), kind: "type" },
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:const|static)\\s+(?:mut\\s+)?(${ID})\\s*:`), kind: "constant" },
    { pattern: new RegExp(`^\\s*macro_rules!\\s*(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s+(?:pub(?:\\([^)]*\\))?\\s+)?(${ID})\\s*:\\s*[^,=]+,\\s*$`), kind: "field" }
  ],
  go: [
    { pattern: new RegExp(`^func\\s+\\([^)]*\\)\\s*(${ID})\\s*[(\\[]`), kind: "method" },
    { pattern: new RegExp(`^func\\s+(${ID})\\s*[(\\[]`), kind: "function" },
    { pattern: new RegExp(`^(?:type\\s+)?(${ID})\\s+(?:struct|interface)\\s*\\{`), kind: "type" },
    { pattern: new RegExp(`^type\\s+(${ID})\\b`), kind: "type" },
    { pattern: new RegExp(`^(?:const|var)\\s+(${ID})\\b`), kind: "constant" },
    // Struct fields: a tab-indented `Name Type` with an optional tag.
    { pattern: new RegExp(`^\\t+(${ID})\\s+\\*?(?:\\[\\]|map\\[[^\\]]+\\])?\\*?[A-Za-z_][\\w.]*(?:\\s+\`[^\`]*\`)?\\s*$`), kind: "field" }
  ]
};
var LOOSE = {
  ts: [{ pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly)\\s+)*(${ID})\\s*(?::[^=]+)?=(?![=>])`), kind: "field" }],
  python: [{ pattern: new RegExp(`^\\s+(${ID})\\s*(?::[^=]+)?=(?!=)`), kind: "constant" }],
  rust: [{ pattern: new RegExp(`^\\s+(?:pub(?:\\([^)]*\\))?\\s+)?(${ID})\\s*:\\s*[^:]`), kind: "field" }],
  go: [
    { pattern: new RegExp(`^\\t+(${ID})(?:\\s+[\\w.*\\[\\]]+)?\\s*=[^=]`), kind: "constant" },
    { pattern: new RegExp(`^\\t+(${ID})\\s+[*\\[\\]\\w.]+`), kind: "field" }
  ]
};
function definitionsInLine(text, language, options = {}) {
  const found = [];
  for (const rule of options.loose ? [...RULES[language], ...LOOSE[language]] : RULES[language]) {
    const match = rule.pattern.exec(text);
    const name = match?.[rule.group ?? 1];
    if (!name) continue;
    if (language === "ts" && TS_KEYWORDS.has(name)) continue;
    if (language === "go" && (name === "return" || name === "package")) continue;
    found.push({ name, kind: rule.kind });
    break;
  }
  return found;
}

// src/core/audit/check-missing-tests.ts
var INLINE_TEST = /#\[(?:tokio::)?test\b|#\[cfg\(test\)\]|\bdef test_\w+|\bfunc Test\w+\(|\b(?:it|test|describe)\s*\(\s*["'`]/;
function testsChanged(files) {
  return files.some((file) => isTestPath(file.path) && file.status !== "removed" || parsePatch(file.patch).added.some((line) => INLINE_TEST.test(line.text)));
}
function codeChanged(files) {
  return files.filter((file) => isCodePath(file.path) && !isTestPath(file.path) && file.status !== "removed");
}
function checkMissingTests(files) {
  const code = codeChanged(files);
  if (code.length === 0 || testsChanged(files)) return [];
  const first = code[0];
  const names = code.slice(0, 3).map((f) => f.path).join(", ") + (code.length > 3 ? ` and ${code.length - 3} more` : "");
  return [{ kind: "missing_tests", message: `code changed (${names}) and no test changed`, path: first.path }];
}

// src/core/audit/check-claims.ts
async function checkClaims(context) {
  const patterns = context.patterns ?? claimPatterns();
  const sentences = claimSentences([
    { source: "title", text: context.text.title },
    { source: "body", text: context.text.body },
    ...context.text.commits.map((text, i) => ({ source: `commit ${i + 1}`, text }))
  ]);
  const findings = [];
  const reported = /* @__PURE__ */ new Set();
  for (const sentence of sentences) {
    if (isHedged(sentence.text)) continue;
    for (const pattern of patterns) {
      const match = pattern.regex.exec(sentence.text);
      if (!match) continue;
      const key = `${pattern.kind} ${pattern.id === "removes_named" ? match[1] ?? "" : ""}`;
      if (reported.has(key)) continue;
      const finding = await judge(pattern, match, sentence, context);
      if (!finding) continue;
      reported.add(key);
      findings.push(finding);
    }
  }
  return findings;
}
async function judge(pattern, match, sentence, context) {
  const quoted = `"${quoteClaim(sentence.text)}"`;
  switch (pattern.kind) {
    case "verification": {
      if (sentence.quotesOutput) return void 0;
      if (pattern.ciBacks && (context.ci === "success" || context.ci === "pending")) return void 0;
      const ciKnown = context.ci === "none" || context.ci === "failure";
      const why = pattern.ciBacks ? context.ci === "failure" ? "CI failed on the head commit and the text quotes no output" : context.ci === "none" ? "no CI result on the head commit and no quoted output" : "no quoted output, and no CI result could be read" : "no quoted output or other evidence in the pull request";
      const blocking = pattern.blocking && (!pattern.ciBacks || ciKnown);
      return { kind: "claim_not_backed", message: `claim not backed: ${quoted} (${sentence.source}): ${why}`, blocking };
    }
    case "tests_added": {
      if (testsChanged(context.files)) return void 0;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but no test file changed`, blocking: pattern.blocking };
    }
    case "docs_only": {
      const code = codeLinesChanged(context.files);
      if (!code) return void 0;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but code changed in ${code}`, path: code, blocking: pattern.blocking };
    }
    case "removes": {
      const target = match[1];
      if (!target) return void 0;
      const remains = await stillThere(target, context);
      if (!remains) return void 0;
      return { kind: "claim_contradicted", message: `claim contradicted: ${quoted} (${sentence.source}), but \`${target}\` is still ${remains.how}`, path: remains.path, ...remains.line ? { line: remains.line } : {}, blocking: pattern.blocking };
    }
  }
}
function codeLinesChanged(files) {
  for (const file of codeChanged(files)) {
    const language = languageOfPath(file.path);
    if (!file.patch) return file.path;
    const lines = parsePatch(file.patch);
    const texts = [...lines.added, ...lines.removed].map((l) => l.text);
    const code = language ? maskCode(texts.join("\n"), language, { strings: false }) : texts.join("\n");
    if (code.split("\n").some((line) => line.trim() !== "")) return file.path;
  }
  return void 0;
}
async function stillThere(target, context) {
  const clean = target.replace(/\(\)$/, "").replace(/^\.\//, "");
  if (clean.includes("/") || /\.[a-z]{1,5}$/i.test(clean)) {
    const file = context.tree.files.find((f) => f.path === clean || f.path.endsWith(`/${clean}`));
    return file ? { how: "in the repository", path: file.path } : void 0;
  }
  const name = clean.split(/::|\./).pop() ?? clean;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length < 3) return void 0;
  const word = new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`);
  if (context.files.some((f) => parsePatch(f.patch).removed.some((l) => word.test(l.text)))) return void 0;
  const changed = context.files.filter((f) => f.status !== "removed" && isCodePath(f.path) && languageOfPath(f.path));
  const contents = await context.tree.read(changed.map((f) => f.path));
  for (const [path2, content] of contents) {
    const language = languageOfPath(path2);
    const lines = maskCode(content, language).split("\n");
    const at = lines.findIndex((line) => definitionsInLine(line, language).some((d) => d.name === name));
    if (at >= 0) return { how: `defined in ${path2}:${at + 1}`, path: path2, line: at + 1 };
  }
  return void 0;
}

// src/core/audit/common-names.ts
var COMMON = `
id ids name names data value values key keys item items type types kind result results res req request response
err error errors e ex exc msg message args kwargs opts options option config cfg settings params param ctx context
self this cls obj object list dict map set get put post del delete update create remove add append push pop insert
read write open close run start stop init new main test setup teardown call apply execute handle handler callback cb
fn func f g h i j k n m x y z a b c d s t v w len size count index idx path file files dir url uri host port user users
text str string int float bool bytes buf buffer line lines row rows col cols node nodes parent child children root tree
event events state status info debug warn log logger time date now timeout limit offset page total sum min max
input output inputs outputs source target src dst from to out in ok done next prev first last all any none null nil
client server conn connection session db query model models view views filter filters sort order format parse load
save dump loads dumps render build make clone copy equals hash eq lt gt le ge cmp compare contains has is to_string
tostring fmt display default new_ with into as_ref as_str unwrap iter next_ len_ __init__ __call__ __repr__ __str__
__eq__ __hash__ __len__ __iter__ __enter__ __exit__ __getitem__ __setitem__ __post_init__ string_ constructor props
children style class_name classname component element el elem event_ handler_ on off emit listen reset clear flush
sync async await wait resolve reject then catch finally promise future task tasks job jobs worker workers queue
`;
var NAMES = new Set(COMMON.split(/\s+/).filter(Boolean).map((name) => name.toLowerCase()));
function isCommonName(name) {
  return NAMES.has(name.toLowerCase());
}
function isDistinctiveName(name) {
  if (name.length < 4 || isCommonName(name)) return false;
  const bare = name.replace(/^_+|_+$/g, "");
  if (bare.length < 4) return false;
  if (/[a-z0-9]_[a-zA-Z0-9]/.test(bare) || /[a-z0-9][A-Z]/.test(bare)) return true;
  return bare.length >= 8;
}

// src/core/audit/name-bindings.ts
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function bindsName(line, name, language, isRepoModule, rawLine = line) {
  const n = escapeRegExp(name);
  const w = `(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])`;
  const patterns = [new RegExp(`\\bas\\s+${n}(?![A-Za-z0-9_$])`)];
  switch (language) {
    case "ts":
      patterns.push(
        new RegExp(`\\b(?:const|let|var)\\s+${w}`),
        new RegExp(`\\b(?:const|let|var)\\s*[{[][^=]*${w}[^=]*[}\\]]\\s*=`),
        new RegExp(`\\bfor\\s*\\(\\s*(?:const|let|var)\\s+${w}`),
        new RegExp(`\\bfunction\\b[^(]*\\([^)]*${w}`),
        new RegExp(`\\(([^()]*[,(]\\s*)?${w}\\s*(?:[,:=?][^()]*)?\\)\\s*(?::[^=]+)?=>`),
        new RegExp(`^\\s*${w}\\s*=>`),
        new RegExp(`\\bcatch\\s*\\(\\s*${w}`)
      );
      break;
    case "python":
      patterns.push(
        new RegExp(`^\\s*${w}\\s*(?::[^=\\n]+)?=(?!=)`),
        new RegExp(`^\\s*(?:[A-Za-z_][\\w]*\\s*,\\s*)*${w}\\s*(?:,\\s*[A-Za-z_][\\w]*\\s*)*=(?!=)`),
        new RegExp(`\\bfor\\s+(?:[\\w,\\s]*,\\s*)?${w}\\s*(?:,[\\w\\s,]*)?\\bin\\b`),
        new RegExp(`\\bdef\\s+\\w+\\s*\\([^)]*${w}`),
        new RegExp(`\\blambda\\b[^:]*${w}[^:]*:`),
        new RegExp(`\\bexcept\\b.*\\bas\\s+${w}`),
        new RegExp(`\\bwith\\b.*\\bas\\s+${w}`),
        new RegExp(`\\bglobal\\s+.*${w}|\\bnonlocal\\s+.*${w}`)
      );
      break;
    case "rust":
      patterns.push(
        new RegExp(`\\blet\\s+(?:mut\\s+)?${w}`),
        new RegExp(`\\blet\\s+[({[][^=]*${w}`),
        new RegExp(`\\bfor\\s+(?:\\(?[\\w\\s,]*,\\s*)?${w}[\\w\\s,)]*\\bin\\b`),
        new RegExp(`\\bfn\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\([^)]*${w}\\s*:`),
        new RegExp(`\\|[^|]*${w}[^|]*\\|`),
        new RegExp(`\\b(?:Some|Ok|Err)\\s*\\(\\s*${w}\\s*\\)\\s*(?:=>|=)`)
      );
      break;
    case "go":
      patterns.push(
        new RegExp(`${w}\\s*(?:,\\s*\\w+\\s*)*:=`),
        new RegExp(`(?:\\w+\\s*,\\s*)+${w}\\s*:=`),
        new RegExp(`\\bvar\\s+${w}`),
        new RegExp(`\\bfunc\\b[^{]*\\([^)]*${w}\\s+[\\w*.\\[\\]]`),
        new RegExp(`\\bfor\\s+(?:\\w+\\s*,\\s*)?${w}\\s*(?:,\\s*\\w+\\s*)?:=\\s*range\\b`)
      );
      break;
  }
  if (patterns.some((pattern) => pattern.test(line))) return true;
  return importsFromOutside(rawLine, name, language, isRepoModule);
}
function importsFromOutside(line, name, language, isRepoModule) {
  const w = new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(name)}(?![A-Za-z0-9_$])`);
  if (!w.test(line)) return false;
  if (language === "ts") {
    const from = /\bfrom\s+["']([^"']+)["']|\brequire\s*\(\s*["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/.exec(line);
    const module = from?.[1] ?? from?.[2] ?? from?.[3];
    if (module === void 0) return false;
    return !(module.startsWith(".") || module.startsWith("/") || module.startsWith("@/") || module.startsWith("~/") || isRepoModule(module));
  }
  if (language === "python") {
    const from = /^\s*from\s+([.\w]+)\s+import\b/.exec(line) ?? /^\s*import\s+([.\w]+)/.exec(line);
    if (!from?.[1]) return false;
    const module = from[1];
    return !(module.startsWith(".") || isRepoModule(module));
  }
  if (language === "rust") {
    const use = /^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([\w:]+)/.exec(line);
    if (!use?.[1]) return false;
    const root = use[1].split("::")[0] ?? "";
    return !(root === "crate" || root === "super" || root === "self" || isRepoModule(root));
  }
  return false;
}

// src/core/audit/check-incomplete-rename.ts
var DEFAULT_RENAME_LIMITS = { maxFileBytes: 1e6, maxTotalBytes: 64e6 };
async function checkIncompleteRename(files, tree, limits = DEFAULT_RENAME_LIMITS) {
  const removed = removedNames(files);
  const skipped = [];
  if (removed.length === 0) return { issues: [], skipped };
  const languages = new Set(removed.map((r) => r.language));
  const candidates = tree.files.filter((f) => {
    const language = languageOfPath(f.path);
    return language !== void 0 && languages.has(language) && !isGeneratedPath(f.path);
  });
  const searched = [];
  let total = 0;
  let tooLarge = 0;
  let overBudget = 0;
  for (const file of candidates) {
    if (file.bytes > limits.maxFileBytes) tooLarge++;
    else if (total + file.bytes > limits.maxTotalBytes) overBudget++;
    else {
      total += file.bytes;
      searched.push(file.path);
    }
  }
  if (tooLarge > 0) skipped.push({ what: `${tooLarge} file(s) larger than ${limits.maxFileBytes} bytes`, reason: "not searched for stale references to renamed names" });
  if (overBudget > 0) skipped.push({ what: `${overBudget} file(s) beyond ${limits.maxTotalBytes} bytes read`, reason: "not searched for stale references to renamed names" });
  const isRepoModule = repoModules(tree.files.map((f) => f.path));
  const stillDefined = /* @__PURE__ */ new Set();
  const ownFiles = await tree.read([...new Set(removed.map((r) => r.path))]);
  const changedAtHead = await tree.read(files.filter((f) => f.status !== "removed" && languageOfPath(f.path)).map((f) => f.path));
  const headSymbols = new Set([...changedAtHead].flatMap(([path2, content]) => symbolsOf(path2, content).map((symbol) => symbol.name)));
  for (const r of removed) if (headSymbols.has(r.name)) stillDefined.add(r);
  const quoted = new Set(removed.filter((r) => new RegExp(`["'\`]${escapeRegExp(r.name)}["'\`]`).test(ownFiles.get(r.path) ?? "")));
  const uses = /* @__PURE__ */ new Map();
  for (let start = 0; start < searched.length; start += 500) {
    const contents = await tree.read(searched.slice(start, start + 500));
    for (const [path2, content] of contents) {
      const language = languageOfPath(path2);
      const here = removed.filter((r) => r.language === language && !stillDefined.has(r) && !quoted.has(r) && content.includes(r.name));
      if (here.length === 0) continue;
      const raw = content.split("\n");
      const masked = maskCode(content, language).split("\n");
      masked.forEach((line, index) => {
        for (const r of here) {
          if (stillDefined.has(r) || !wordIn(line, r.name)) continue;
          const rawLine = raw[index] ?? line;
          if (definitionsInLine(line, language, { loose: true }).some((d) => d.name === r.name) || bindsName(line, r.name, language, isRepoModule, rawLine)) {
            stillDefined.add(r);
            continue;
          }
          if (r.kind === "field" && new RegExp(`(?<![\\w$.])${escapeRegExp(r.name)}\\s*:(?!:)`).test(line)) continue;
          if (language === "ts" && r.kind !== "method" && r.kind !== "field" && path2 !== r.path && !importsName(rawLine, raw, r.name)) continue;
          const qualifier = new RegExp(`([A-Za-z_][\\w]*)\\.${escapeRegExp(r.name)}(?![\\w$])`).exec(line)?.[1];
          if (qualifier && language === "python" && externalModule(raw, qualifier, isRepoModule)) continue;
          const list = uses.get(r) ?? [];
          list.push({ path: path2, line: index + 1 });
          uses.set(r, list);
        }
      });
    }
  }
  const issues = [];
  for (const r of removed) {
    const stale = uses.get(r);
    if (quoted.has(r) || stillDefined.has(r) || !stale || stale.length === 0) continue;
    const first = stale[0];
    const where = stale.slice(0, 5).map((u) => `${u.path}:${u.line}`).join(", ");
    const more = stale.length > 5 ? ` and ${stale.length - 5} more` : "";
    const what = r.replacement ? `renamed to \`${r.replacement}\`` : "removed";
    issues.push({
      kind: "incomplete_rename",
      message: `${r.kind} \`${r.name}\` was ${what} in ${r.path}, but ${stale.length === 1 ? "a reference remains" : `${stale.length} references remain`}: ${where}${more}`,
      path: first.path,
      line: first.line
    });
  }
  return { issues, skipped };
}
function removedNames(files) {
  const addedNames = /* @__PURE__ */ new Set();
  const perFile = [];
  for (const file of files) {
    const language = languageOfPath(file.path);
    if (!language || !file.patch || isGeneratedPath(file.path)) continue;
    const lines = parsePatch(file.patch);
    const defs = (texts, loose) => maskCode(texts.join("\n"), language).split("\n").flatMap((line) => definitionsInLine(line, language, { loose }).filter((d) => countWord(line, d.name) === 1));
    const removed = defs(lines.removed.map((l) => l.text), false);
    const added = defs(lines.added.map((l) => l.text), true);
    for (const d of added) addedNames.add(`${language} ${d.name}`);
    perFile.push({ file, language, removed, added });
  }
  const result = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { file, language, removed, added } of perFile) {
    const newHere = added.filter((d) => !removed.some((r) => r.name === d.name));
    for (const d of removed) {
      const key = `${language} ${d.name}`;
      if (addedNames.has(key) || seen.has(key) || !isDistinctiveName(d.name)) continue;
      seen.add(key);
      const replacement = newHere.find((a) => a.kind === d.kind)?.name;
      if (d.kind === "field" && !replacement) continue;
      result.push({ name: d.name, kind: d.kind, language, path: file.previousPath ?? file.path, ...replacement ? { replacement } : {} });
    }
  }
  return result;
}
function externalModule(lines, module, isRepoModule) {
  const imported = lines.some((l) => new RegExp(`^\\s*import\\s+(?:[\\w.]+\\s*,\\s*)*${escapeRegExp(module)}\\b`).test(l));
  return imported && !isRepoModule(module);
}
function countWord(line, name) {
  return line.split(new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(name)}(?![A-Za-z0-9_$])`)).length - 1;
}
function importsName(line, lines, name) {
  const n = escapeRegExp(name);
  if (new RegExp(`^\\s*(?:import|export)\\b.*(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])`).test(line)) return true;
  const text = lines.join("\n");
  const named = new RegExp(`\\bimport\\s+(?:type\\s+)?(?:[\\w$]+\\s*,\\s*)?\\{[^}]*(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])[^}]*\\}\\s*from\\s*["'](?:\\.{1,2}/|[@~]/)`);
  const single = new RegExp(`\\bimport\\s+${n}\\s*(?:,|from)[^;\\n]*["'](?:\\.{1,2}/|[@~]/)|\\b(?:const|let|var)\\s+(?:${n}|\\{[^}]*\\b${n}\\b[^}]*\\})\\s*=\\s*require\\(\\s*["']\\.`);
  return named.test(text) || single.test(text);
}
function wordIn(line, name) {
  let at = line.indexOf(name);
  while (at >= 0) {
    const before = at > 0 ? line[at - 1] : "";
    const after = line[at + name.length] ?? "";
    if (!/[A-Za-z0-9_$]/.test(before ?? "") && !/[A-Za-z0-9_$]/.test(after)) return true;
    at = line.indexOf(name, at + 1);
  }
  return false;
}
function repoModules(paths) {
  const roots = /* @__PURE__ */ new Set();
  for (const path2 of paths) {
    const parts = path2.split("/");
    for (let i = 0; i < Math.min(parts.length, 3); i++) {
      roots.add(parts[i].replace(/\.(py|rs|ts|js|go)$/, ""));
    }
  }
  return (module) => {
    const first = module.replace(/^@/, "").split(/[./:]/)[0] ?? "";
    return first !== "" && roots.has(first);
  };
}

// src/core/audit/check-paths.ts
var import_picomatch = __toESM(require_picomatch(), 1);
function checkProtectedPaths(files, protectedGlobs) {
  if (protectedGlobs.length === 0) return [];
  const isProtected = (0, import_picomatch.default)([...protectedGlobs], { dot: true });
  const findings = [];
  for (const file of files) {
    const touched = [file.path, ...file.previousPath && file.previousPath !== file.path ? [file.previousPath] : []];
    const hit = touched.find((path2) => isProtected(path2));
    if (!hit) continue;
    const verb = file.status === "removed" ? "deletes" : file.status === "added" ? "adds" : file.status === "renamed" ? "renames" : "changes";
    findings.push({ kind: "protected_path", message: `${verb} the protected path ${hit} (paths.protected)`, path: hit });
  }
  return findings;
}
function checkDeletedFiles(files) {
  return files.filter((file) => file.status === "removed").map((file) => ({ kind: "deleted_file", message: `deletes ${file.path}; prd-bot's pull requests never delete files`, path: file.path }));
}

// src/core/audit/check-secrets.ts
function checkSecrets(files) {
  const issues = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    const byName = file.status === "added" ? secretPathReason(file.path) : void 0;
    const inTests = isTestPath(file.path) ? { blocking: false, note: " (in a test path: likely a fixture)" } : { note: "" };
    const { note, ...advice } = inTests;
    if (byName) issues.push({ kind: "secret", message: `adds ${file.path}, a credential file (${byName})${note}`, path: file.path, ...advice });
    const added = parsePatch(file.patch).added;
    if (added.length === 0) continue;
    const reported = /* @__PURE__ */ new Set();
    for (const finding of detectSecrets(added.map((l) => l.text).join("\n"), { path: file.path })) {
      const line = added[finding.line - 1]?.line;
      if (line === void 0 || reported.has(line)) continue;
      reported.add(line);
      issues.push({ kind: "secret", message: `${finding.kind.replace(/_/g, " ")} added in ${file.path}:${line} (the value is not repeated here; revoke it and remove it from history)${note}`, path: file.path, line, ...advice });
    }
  }
  return issues;
}

// src/core/audit/run-checks.ts
async function runChecks(input) {
  const { settings, files } = input;
  const kindBlocks = (kind) => settings.blocking.includes(kind) || kind === "missing_tests" && settings.requireTests;
  const decide = (finding, extra = true) => ({ ...finding, blocking: kindBlocks(finding.kind) && (finding.blocking ?? true) && extra });
  const rename = await checkIncompleteRename(files, input.tree, settings.renameLimits ?? DEFAULT_RENAME_LIMITS);
  const protectedBlocks = settings.protectedPathsBlock === "everyone" || settings.protectedPathsBlock === "bot" && input.byBot;
  const issues = [
    ...checkSecrets(files).map((f) => decide(f)),
    ...rename.issues.map((f) => decide(f)),
    ...input.byBot ? checkDeletedFiles(files).map((f) => decide(f)) : [],
    ...checkProtectedPaths(files, settings.protectedGlobs).map((f) => decide(f, protectedBlocks)),
    ...(await checkClaims({ text: input.text, files, tree: input.tree, ci: input.ci })).map((f) => decide(f)),
    ...checkMissingTests(files).map((f) => decide(f, settings.requireTests))
  ];
  issues.sort((a, b) => Number(b.blocking) - Number(a.blocking));
  return { issues, skipped: rename.skipped };
}

// src/jobs/audit/index.ts
var BOT_BRANCH_PREFIX = "prd-bot/";
async function runAuditJob(input) {
  const { source, config, log } = input;
  const byBot = isBotPullRequest(source, input.botBranchPrefix ?? BOT_BRANCH_PREFIX);
  const ignoredBy = !byBot && source.author ? config.audit.ignore_authors.find((glob) => import_picomatch2.default.isMatch(source.author, glob, { nocase: true })) : void 0;
  if (ignoredBy) {
    const summary = `Not audited: ${source.author} matches audit.ignore_authors (${ignoredBy})`;
    log.info(`${source.label}: ${summary}`);
    return { report: { state: "success", summary, issues: [], skipped: [{ what: "the whole pull request", reason: summary }], model: { status: "skipped", detail: "author ignored" } }, ignored: summary };
  }
  const { files, skipped } = limitDiff(source.files, config);
  const checks = await runChecks({
    text: { title: source.title, body: source.body, commits: source.commits },
    files,
    tree: source.tree,
    ci: source.ci,
    byBot,
    settings: {
      blocking: config.audit.blocking,
      protectedPathsBlock: config.audit.protected_paths_block,
      requireTests: config.audit.require_tests,
      protectedGlobs: [...config.paths.protected, ...config.paths.extra_protected]
    }
  });
  let model = { status: "skipped", detail: input.modelSkipped ?? "no models.audit configured" };
  const issues = [...checks.issues];
  if (input.model) {
    const { runModelCheck } = await import("./model-check-36TCMHU4.js");
    const judged = await runModelCheck({ model: input.model, source, files, config, log });
    model = judged.status;
    for (const issue of judged.issues) if (!issues.some((i) => i.kind === issue.kind && i.message === issue.message)) issues.push(issue);
    issues.sort((a, b) => Number(b.blocking) - Number(a.blocking));
  }
  const report = buildReport(issues, [...source.skipped, ...skipped, ...checks.skipped], model);
  log.info(`${source.label}: ${report.state}: ${report.summary}`);
  return { report };
}
function isBotPullRequest(source, prefix) {
  return !source.fromFork && source.headBranch !== void 0 && source.headBranch.startsWith(prefix);
}
function limitDiff(all, config) {
  const files = [];
  const left = [];
  let bytes = 0;
  for (const file of all) {
    const size = file.patch?.length ?? 0;
    if (files.length >= config.audit.max_files || bytes + size > config.audit.max_diff_bytes) left.push(file);
    else {
      files.push(file);
      bytes += size;
    }
  }
  if (left.length === 0) return { files, skipped: [] };
  for (const { patch: _patch, ...file } of left) files.push(file);
  const names = left.slice(0, 5).map((f) => f.path).join(", ") + (left.length > 5 ? `, \u2026` : "");
  return { files, skipped: [{ what: `${left.length} of ${all.length} changed files (${names})`, reason: `beyond audit.max_files (${config.audit.max_files}) or audit.max_diff_bytes (${config.audit.max_diff_bytes})` }] };
}

// src/wiring/audit-wiring.ts
import path from "node:path";

// src/adapters/workspace/git-revisions.ts
async function resolveRevision(gitDir, rev) {
  if (rev.startsWith("-")) throw new Error(`"${rev}" is not a revision`);
  const result = await execGit(gitDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { okCodes: [1] });
  const sha = result.stdout.trim();
  if (result.code !== 0 || !sha) throw new Error(`no commit ${rev} in ${gitDir} (fetch it first, e.g. git fetch origin ${rev})`);
  return sha;
}
var STATUS = { A: "added", D: "removed", M: "modified", R: "renamed", C: "added", T: "modified" };
async function diffRevisions(gitDir, base, head) {
  const mergeBase2 = (await execGit(gitDir, ["merge-base", base, head])).stdout.trim();
  const names = splitNul((await execGit(gitDir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", mergeBase2, head])).stdout);
  const entries = [];
  for (let i = 0; i < names.length; ) {
    const letter = names[i].charAt(0);
    if (letter === "R" || letter === "C") {
      entries.push({ status: STATUS[letter] ?? "modified", previousPath: names[i + 1], path: names[i + 2] });
      i += 3;
    } else {
      entries.push({ status: STATUS[letter] ?? "modified", path: names[i + 1] });
      i += 2;
    }
  }
  const full = (await execGit(gitDir, ["diff", "--no-color", "--no-ext-diff", "-M", "--src-prefix=a/", "--dst-prefix=b/", mergeBase2, head])).stdout;
  const blocks = full.split(/^(?=diff --git )/m).filter((block) => block.startsWith("diff --git "));
  return entries.map((entry, i) => {
    const block = blocks[i] ?? "";
    const at = block.search(/^@@/m);
    return at < 0 ? entry : { ...entry, patch: block.slice(at).replace(/\n$/, "") };
  });
}
async function mergeBase(gitDir, a, b) {
  const result = await execGit(gitDir, ["merge-base", a, b], { okCodes: [1, 128] });
  return result.code === 0 ? result.stdout.trim() || void 0 : void 0;
}
async function commitMessages(gitDir, base, head, max = 100) {
  const out = (await execGit(gitDir, ["log", "--reverse", "-z", `--max-count=${max}`, "--format=%B", `${base}..${head}`])).stdout;
  return out.split("\0").map((m) => m.trim()).filter(Boolean);
}
async function treeAt(gitDir, rev) {
  const listing = await execGit(gitDir, ["ls-tree", "-r", "-z", "--long", "--full-tree", rev]);
  const blobs = /* @__PURE__ */ new Map();
  for (const entry of splitNul(listing.stdout)) {
    const tab = entry.indexOf("	");
    const [mode, type, sha, size] = entry.slice(0, tab).split(/ +/);
    if (type !== "blob" || mode !== "100644" && mode !== "100755" || !sha) continue;
    const path2 = entry.slice(tab + 1);
    blobs.set(path2, { path: path2, size: Number(size), sha });
  }
  return {
    files: [...blobs.values()].map((b) => ({ path: b.path, bytes: b.size })),
    async read(paths) {
      const wanted = paths.flatMap((p) => blobs.has(p) ? [blobs.get(p)] : []);
      const contents = wanted.length === 0 ? [] : await readBlobs(gitDir, wanted);
      const result = /* @__PURE__ */ new Map();
      wanted.forEach((file, i) => {
        const text = contents[i] ?? "";
        if (!text.slice(0, 8e3).includes("\0")) result.set(file.path, text);
      });
      return result;
    }
  };
}
async function fetchRevision(remote, ref, gitDir, options = {}) {
  await execGit(".", ["init", "--quiet", "--bare", gitDir]);
  const local = options.localRef ?? "refs/prd-bot/audit";
  try {
    await execGit(gitDir, ["fetch", "--quiet", "--no-tags", `--depth=${options.depth ?? 1}`, remote.url, `+${ref}:${local}`], { env: authEnv(remote) });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new Error(`fetching ${ref} from ${redactUrls(remote.url)} failed: ${redactUrls(error.stderr.trim()) || error.message}`);
  }
  return resolveRevision(gitDir, local);
}

// src/wiring/audit-wiring.ts
async function localAuditSource(range) {
  await initParsers();
  const gitDir = (await execGit(range.root, ["rev-parse", "--absolute-git-dir"])).stdout.trim();
  const base = await resolveRevision(gitDir, range.base);
  const head = await resolveRevision(gitDir, range.head);
  const commits = await commitMessages(gitDir, base, head);
  const branch = /^[\w./-]+$/.test(range.head) && !/^[0-9a-f]{7,40}$/.test(range.head) ? range.head.replace(/^(refs\/heads\/|origin\/)/, "") : void 0;
  return {
    label: `${range.base}...${range.head}`,
    title: range.title ?? "",
    body: range.body ?? "",
    commits,
    author: "",
    ...branch ? { headBranch: branch } : {},
    fromFork: false,
    headSha: head,
    files: await diffRevisions(gitDir, base, head),
    tree: await treeAt(gitDir, head),
    ci: "unknown",
    skipped: []
  };
}
async function forgeAuditSource(forge, pr, scratchDir) {
  await initParsers();
  const pull = await forge.getPullRequest(pr);
  const gitDir = path.join(scratchDir, "audit.git");
  const remote = forge.gitRemote();
  const depth = HISTORY_DEPTH;
  let fetched;
  try {
    fetched = await fetchRevision(remote, `refs/pull/${pr}/head`, gitDir, { depth });
  } catch (error) {
    if (pull.fromFork) throw error;
    fetched = await fetchRevision(remote, `refs/heads/${pull.head}`, gitDir, { depth });
  }
  const skipped = [];
  if (fetched !== pull.headSha) skipped.push({ what: `commit ${pull.headSha.slice(0, 12)}`, reason: `refs/pull/${pr}/head is at ${fetched.slice(0, 12)}: a newer push is audited by its own run` });
  const baseTip = await fetchRevision(remote, `refs/heads/${pull.base}`, gitDir, { depth, localRef: "refs/prd-bot/base" }).catch(() => void 0);
  const base = baseTip ? await mergeBase(gitDir, baseTip, fetched) : void 0;
  let files;
  let commits;
  if (base) {
    files = await diffRevisions(gitDir, base, fetched);
    commits = await commitMessages(gitDir, base, fetched);
  } else {
    const compared = await forge.compare(pull.base, pull.headSha);
    files = compared.map((f) => ({ path: f.path, status: f.status, ...f.previousPath ? { previousPath: f.previousPath } : {}, ...f.patch ? { patch: f.patch } : {} }));
    const message = (await execGit(gitDir, ["log", "-1", "--format=%B", fetched])).stdout.trim();
    commits = message ? [message] : [];
    skipped.push({ what: "commit messages before the head commit", reason: `the merge base is more than ${depth} commits away` });
  }
  const noPatch = files.filter((f) => !f.patch && f.status !== "removed" && f.status !== "renamed");
  if (noPatch.length > 0) skipped.push({ what: `${noPatch.length} file(s) without a patch (${noPatch.slice(0, 3).map((f) => f.path).join(", ")}${noPatch.length > 3 ? ", \u2026" : ""})`, reason: "binary, or not shown by the forge" });
  return {
    label: `${forge.repo.owner}/${forge.repo.repo}#${pr}`,
    title: pull.title,
    body: pull.body,
    commits,
    author: pull.author,
    headBranch: pull.head,
    fromFork: pull.fromFork,
    headSha: pull.headSha,
    files,
    tree: await treeAt(gitDir, fetched),
    ci: "unknown",
    skipped
  };
}
var HISTORY_DEPTH = 50;
function auditModel(config, env, state, now, configFile) {
  if (config.models.audit.length === 0) return { skipped: "no models.audit configured" };
  if (!state) return { skipped: "no state store to keep the budget ledger in" };
  try {
    const chain = resolveModelChain(config, env, { task: "audit", ...configFile ? { file: configFile } : {} });
    const inner = createOpenAIModelClient(chain);
    return { model: budgetedModelClient(inner, { state, limits: config.budget, now }) };
  } catch (error) {
    if (error instanceof ConfigError) return { skipped: error.message };
    throw error;
  }
}

export {
  renderDetails,
  runAuditJob,
  localAuditSource,
  forgeAuditSource,
  auditModel
};
