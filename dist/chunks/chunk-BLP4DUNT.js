import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  findGaps,
  gapsSince,
  openGaps
} from "./chunk-KH5HBYDN.js";
import {
  MiniSearch,
  cachedVectors,
  cosine,
  queryTerms,
  reciprocalRankFusion,
  regionsAround,
  tokenize
} from "./chunk-3UZFI7QD.js";
import {
  coveringTests,
  gapWants,
  languageOf,
  oneLine,
  require_picomatch,
  roleOf,
  symbolsOf,
  testsByBase
} from "./chunk-2QDLELWW.js";
import {
  clipMiddle,
  loadCycleEvents,
  priorAttempts,
  renderPriorAttempts,
  saveCycle,
  transcriptPath
} from "./chunk-BYGMBUYC.js";
import {
  NotTextError
} from "./chunk-CI6V2LSR.js";
import {
  isFailure
} from "./chunk-XKPJ2TN5.js";
import {
  extractJsonObjects,
  renderTemplate
} from "./chunk-RNEIYMXO.js";
import {
  detectSecrets,
  isTestCode,
  secretPathReason
} from "./chunk-O3YUUCCS.js";
import {
  BudgetExceededError,
  LedgerError,
  budgetedEmbedder,
  budgetedModelClient,
  countTokens,
  estimateRequestTokens,
  ledgerPath,
  parseLedger,
  reserve,
  utcDay
} from "./chunk-7NIWIZEQ.js";
import {
  ModelError
} from "./chunk-2IUJ6AXQ.js";
import {
  external_exports
} from "./chunk-VFFGMFW5.js";
import {
  __toESM
} from "./chunk-4TII4YUW.js";

// src/core/edits/snippet-lines.ts
function lineKey(line) {
  return line.trim();
}
function splitTextLines(text) {
  const lines = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    if (newline === -1) {
      const content2 = text.slice(start);
      lines.push({ start, contentEnd: text.length, eol: "", content: content2, key: lineKey(content2) });
      break;
    }
    const crlf = newline > start && text[newline - 1] === "\r";
    const contentEnd = crlf ? newline - 1 : newline;
    const content = text.slice(start, contentEnd);
    lines.push({ start, contentEnd, eol: crlf ? "\r\n" : "\n", content, key: lineKey(content) });
    start = newline + 1;
  }
  return lines;
}
function trimBlankEnds(lines) {
  if (lines.every((line) => line.trim() === "")) return { lines: [], lead: 0, trail: lines.length };
  let lead = 0;
  while (lead < lines.length && lines[lead].trim() === "") lead++;
  let end = lines.length;
  while (end > lead && lines[end - 1].trim() === "") end--;
  return { lines: lines.slice(lead, end), lead, trail: lines.length - end };
}
function snippetLines(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

// src/core/edits/reindent-replacement.ts
function reindentReplacement(input) {
  const { fileLines, mapped, shift } = input;
  const trimmed = trimBlankEnds(snippetLines(input.replacement));
  const added = trimmed.lines;
  const out = [];
  out.push(...blankEnd(fileLines.slice(input.first - input.fileLead, input.first), input.searchLead, trimmed.lead, "lead"));
  let pointer = input.first;
  const isBlank = (index) => index <= input.last && fileLines[index].trim() === "";
  const emitUpTo = (index) => {
    for (; pointer < index; pointer++) out.push(fileLines[pointer]);
  };
  let nextSearch = 0;
  let previous = "equal";
  for (const op of diffLines(input.search, added)) {
    const after = previous;
    previous = op.kind;
    if (op.kind === "insert") {
      if (after !== "equal") {
        out.push(adjust(added[op.j], shift, input.trimTrailing));
        continue;
      }
      let searchBlanks = 0;
      while (nextSearch + searchBlanks < input.search.length && input.search[nextSearch + searchBlanks].trim() === "") searchBlanks++;
      let fileBlanks = 0;
      while (isBlank(pointer + fileBlanks)) fileBlanks++;
      for (let surplus = fileBlanks - searchBlanks; surplus > 0; surplus--) out.push(fileLines[pointer++]);
      out.push(adjust(added[op.j], shift, input.trimTrailing));
      continue;
    }
    nextSearch = op.i + 1;
    const fileIndex = mapped.get(op.i);
    if (fileIndex === void 0) {
      if (isBlank(pointer)) {
        if (op.kind === "equal") out.push(fileLines[pointer]);
        pointer++;
      }
      continue;
    }
    emitUpTo(fileIndex);
    if (op.kind === "equal") out.push(fileLines[fileIndex]);
    pointer = fileIndex + 1;
  }
  emitUpTo(input.last + 1);
  out.push(...blankEnd(fileLines.slice(input.last + 1, input.last + 1 + input.fileTrail), input.searchTrail, trimmed.trail, "trail"));
  return out;
}
function blankEnd(fileBlanks, searchCount, replacementCount, end) {
  if (replacementCount >= searchCount) return [...fileBlanks, ...Array(replacementCount - searchCount).fill("")];
  const keep = Math.max(0, fileBlanks.length - (searchCount - replacementCount));
  return end === "lead" ? fileBlanks.slice(fileBlanks.length - keep) : fileBlanks.slice(0, keep);
}
function adjust(line, shift, trimTrailing) {
  let result = trimTrailing ? line.trimEnd() : line;
  if (result.trim() === "") return result;
  if (shift.add) result = shift.add + result;
  else if (shift.remove) result = result.startsWith(shift.remove) ? result.slice(shift.remove.length) : result.trimStart();
  return result;
}
function diffLines(a, b) {
  const key = (line) => line.trimEnd();
  let head = 0;
  while (head < a.length && head < b.length && key(a[head]) === key(b[head])) head++;
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && key(a[tailA - 1]) === key(b[tailB - 1])) {
    tailA--;
    tailB--;
  }
  const ops = [];
  for (let n2 = 0; n2 < head; n2++) ops.push({ kind: "equal", i: n2, j: n2 });
  const n = tailA - head;
  const m = tailB - head;
  if (n * m > 1e6) {
    for (let i = head; i < tailA; i++) ops.push({ kind: "delete", i });
    for (let j = head; j < tailB; j++) ops.push({ kind: "insert", j });
  } else {
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i2 = n - 1; i2 >= 0; i2--) {
      for (let j2 = m - 1; j2 >= 0; j2--) {
        const row = lcs[i2];
        row[j2] = key(a[head + i2]) === key(b[head + j2]) ? lcs[i2 + 1][j2 + 1] + 1 : Math.max(lcs[i2 + 1][j2], row[j2 + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && key(a[head + i]) === key(b[head + j])) {
        ops.push({ kind: "equal", i: head + i++, j: head + j++ });
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ kind: "delete", i: head + i++ });
      } else {
        ops.push({ kind: "insert", j: head + j++ });
      }
    }
  }
  for (let k = 0; k < a.length - tailA; k++) ops.push({ kind: "equal", i: tailA + k, j: tailB + k });
  return ops;
}

// src/core/edits/match-snippet.ts
function replaceSnippet(text, search, replacement) {
  const found = findSnippet(text, search);
  switch (found.kind) {
    case "none":
      return { ok: false, code: found.reason, count: found.count, reason: describeMiss(found.reason, found.count) };
    case "exact":
      return { ok: true, text: text.slice(0, found.start) + replacement + text.slice(found.end), tolerant: false };
    case "crlf":
      return { ok: true, text: text.slice(0, found.start) + replacement.replace(/\r?\n/g, "\r\n") + text.slice(found.end), tolerant: true };
    case "lines":
      return { ok: true, text: spliceLines(text, found.lines, found.match, found.search, replacement), tolerant: true };
  }
}
function describeMiss(reason, count) {
  if (reason === "empty") return "old_string is empty; quote the exact text to replace";
  if (reason === "ambiguous") {
    return `old_string matches ${count} times (it must match exactly once); include more surrounding lines so it matches exactly once`;
  }
  return "old_string matches 0 times (not even ignoring whitespace differences); copy it exactly from the current file";
}
function findSnippet(text, search) {
  if (search.trim() === "") return { kind: "none", reason: "empty", count: 0 };
  const exact = occurrences(text, search, 2);
  if (exact.length === 1) return { kind: "exact", start: exact[0], end: exact[0] + search.length };
  if (exact.length > 1) return { kind: "none", reason: "ambiguous", count: occurrences(text, search, Infinity).length };
  if (text.includes("\r\n") && search.includes("\n") && !search.includes("\r")) {
    const crlf = search.replace(/\n/g, "\r\n");
    const hits = occurrences(text, crlf, Infinity);
    if (hits.length > 1) return { kind: "none", reason: "ambiguous", count: hits.length };
    if (hits.length === 1) return { kind: "crlf", start: hits[0], end: hits[0] + crlf.length };
  }
  const lines = splitTextLines(text);
  const searchLines = trimBlankEnds(snippetLines(search));
  const matches = lineMatches(lines, searchLines.lines);
  if (matches.length > 1) return { kind: "none", reason: "ambiguous", count: matches.length };
  if (matches.length === 0) return { kind: "none", reason: "not_found", count: 0 };
  return { kind: "lines", match: matches[0], lines, search: searchLines };
}
function occurrences(haystack, needle, limit) {
  const found = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}
function lineMatches(lines, search) {
  const wanted = search.flatMap((line, index) => line.trim() === "" ? [] : [{ index, key: lineKey(line), indent: indentOf(line), line }]);
  if (wanted.length === 0) return [];
  const nonBlank = lines.flatMap((line, index) => line.key === "" ? [] : [index]);
  const head = wanted[0];
  const results = [];
  for (let k = 0; k + wanted.length <= nonBlank.length; k++) {
    if (lines[nonBlank[k]].key !== head.key) continue;
    let shift;
    let trailingDiffers = false;
    const mapped = /* @__PURE__ */ new Map();
    let ok = true;
    for (const [offset, want] of wanted.entries()) {
      const fileIndex = nonBlank[k + offset];
      const fileLine = lines[fileIndex];
      if (fileLine.key !== want.key) {
        ok = false;
        break;
      }
      const lineShift = shiftBetween(want.indent, indentOf(fileLine.content));
      if (!lineShift || shift && !sameShift(shift, lineShift)) {
        ok = false;
        break;
      }
      shift ??= lineShift;
      if (want.line.length - want.line.trimEnd().length !== fileLine.content.length - fileLine.content.trimEnd().length) trailingDiffers = true;
      mapped.set(want.index, fileIndex);
    }
    if (!ok || !shift) continue;
    results.push({ first: nonBlank[k], last: nonBlank[k + wanted.length - 1], mapped, shift, trailingDiffers });
  }
  return results;
}
function indentOf(line) {
  return /^[ \t]*/.exec(line)?.[0] ?? "";
}
function shiftBetween(searchIndent, fileIndent) {
  if (fileIndent === searchIndent) return { add: "", remove: "" };
  if (fileIndent.endsWith(searchIndent)) return { add: fileIndent.slice(0, fileIndent.length - searchIndent.length), remove: "" };
  if (searchIndent.endsWith(fileIndent)) return { add: "", remove: searchIndent.slice(0, searchIndent.length - fileIndent.length) };
  return void 0;
}
function sameShift(a, b) {
  return a.add === b.add && a.remove === b.remove;
}
function spliceLines(text, lines, match, search, replacement) {
  const isBlankLine = (index) => index >= 0 && index < lines.length && lines[index].key === "" && !(index === lines.length - 1 && lines[index].eol === "");
  let fileLead = 0;
  while (fileLead < search.lead && isBlankLine(match.first - fileLead - 1)) fileLead++;
  let fileTrail = 0;
  while (fileTrail < search.trail && isBlankLine(match.last + fileTrail + 1)) fileTrail++;
  const first = lines[match.first - fileLead];
  const last = lines[match.last + fileTrail];
  const eol = lines[match.first].eol || first.eol || (text.includes("\r\n") ? "\r\n" : "\n");
  const body = reindentReplacement({
    fileLines: lines.map((line) => line.content),
    first: match.first,
    last: match.last,
    fileLead,
    fileTrail,
    mapped: match.mapped,
    search: search.lines,
    searchLead: search.lead,
    searchTrail: search.trail,
    replacement,
    shift: match.shift,
    trimTrailing: match.trailingDiffers
  });
  if (body.length === 0) {
    const end = last.eol ? last.contentEnd + last.eol.length : last.contentEnd;
    const before = lines.indexOf(first) - 1;
    const start = last.eol || before < 0 ? first.start : first.start - lines[before].eol.length;
    return text.slice(0, start) + text.slice(end);
  }
  return text.slice(0, first.start) + body.join(eol) + text.slice(last.contentEnd);
}

// src/core/edits/edits.ts
function planFiles(proposal, current) {
  const files = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [index, file] of proposal.files.entries()) {
    const where = `files[${index}] (${file.path})`;
    if (seen.has(file.path)) {
      return { ok: false, path: file.path, reason: `${where}: the path appears more than once; put all changes to a file in one entry` };
    }
    seen.add(file.path);
    const planned = planFile(file, current.get(file.path), where);
    if (!planned.ok) return planned;
    files.push(planned.file);
  }
  return { ok: true, files };
}
function planFile(file, before, where) {
  const failure = (reason) => ({ ok: false, path: file.path, reason: `${where}: ${reason}` });
  if (file.is_new) {
    if (before !== void 0) return failure("is_new is true but the file already exists; send is_new: false with edits or its whole new content");
    return { ok: true, file: { path: file.path, mode: "ADD", before: void 0, after: "content" in file ? file.content : "" } };
  }
  if (before === void 0) return failure("is_new is false but the file does not exist; set is_new: true to create it, or fix the path");
  let after;
  let tolerant = [];
  if ("edits" in file) {
    const applied = applyEdits(before, file.edits);
    if (!applied.ok) return failure(applied.reason);
    after = applied.text;
    tolerant = applied.tolerant;
  } else {
    after = file.content;
  }
  const planned = { path: file.path, mode: after === before ? "NOOP" : "UPDATE", before, after };
  if (tolerant.length > 0) planned.tolerant_edits = tolerant;
  return { ok: true, file: planned };
}
function applyEdits(text, edits) {
  let result = text;
  const tolerant = [];
  for (const [index, edit] of edits.entries()) {
    const replaced = replaceSnippet(result, edit.old_string, edit.new_string);
    if (!replaced.ok) return { ok: false, reason: `edits[${index}].${replaced.reason}` };
    if (replaced.tolerant) tolerant.push(index);
    result = replaced.text;
  }
  return { ok: true, text: result, tolerant };
}
function countChangedLines(before, after, limit = Number.POSITIVE_INFINITY) {
  const a = splitLines(before ?? "");
  const b = splitLines(after);
  const ids = /* @__PURE__ */ new Map();
  const idOf = (line) => {
    let id = ids.get(line);
    if (id === void 0) {
      id = ids.size;
      ids.set(line, id);
    }
    return id;
  };
  const aIds = a.map(idOf);
  const bIds = b.map(idOf);
  const inA = new Set(aIds);
  const inB = new Set(bIds);
  const aShared = aIds.filter((id) => inB.has(id));
  const bShared = bIds.filter((id) => inA.has(id));
  const unique = a.length - aShared.length + (b.length - bShared.length);
  if (unique > limit) return unique;
  return unique + editDistance(aShared, bShared, limit - unique);
}
function splitLines(text) {
  return text === "" ? [] : text.split(/(?<=\n)/);
}
function editDistance(a, b, cap) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return n + m;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    if (d > cap) return d;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}

// src/core/propose/guardrails.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var OK = { ok: true };
var MAX_NAME_BYTES = 255;
var MAX_PATH_BYTES = 1024;
var INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;
var BINARY_CONTROL_SHARE = 0.1;
function checkPath(path2, rules) {
  const shown = JSON.stringify(path2);
  if (path2.trim() === "") return fail("the path is empty; give a file path relative to the repository root");
  const control = [...path2].find((char) => isControl(char.charCodeAt(0)));
  if (control !== void 0) {
    const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return fail(`path ${shown} contains a control character (U+${code}); use a plain file path`);
  }
  const invisible = INVISIBLE.exec(path2)?.[0];
  if (invisible !== void 0) {
    const code = invisible.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    return fail(`path ${shown.slice(0, 200)} contains an invisible or format character (U+${code}), which can make one path look like another; use a plain file path`);
  }
  const bytes = utf8Length(path2);
  if (bytes > MAX_PATH_BYTES) return fail(`path ${JSON.stringify(path2.slice(0, 80))}\u2026 is ${bytes} bytes long, over the limit of ${MAX_PATH_BYTES}; use a shorter path`);
  const longName = path2.split(/[\\/]/).find((segment) => utf8Length(segment) > MAX_NAME_BYTES);
  if (longName !== void 0) {
    return fail(`path ${JSON.stringify(path2.slice(0, 80))}\u2026 has a name of ${utf8Length(longName)} bytes, over the ${MAX_NAME_BYTES} a filesystem allows; use a shorter name`);
  }
  const slashed = path2.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) {
    return fail(`path ${shown} is absolute; give a path relative to the repository root (src/foo.ts)`);
  }
  const segments = slashed.split("/");
  if (segments.includes("..")) return fail(`path ${shown} contains a ".." segment; paths must stay inside the repository`);
  const dotty = segments.find((segment) => segment !== "." && /^[. ]+$/.test(segment));
  if (dotty !== void 0) {
    return fail(`path ${shown} has a segment made only of dots and spaces (${JSON.stringify(dotty)}), which Windows may read as ".."`);
  }
  if (segments.some(isGitDirName)) return fail(`path ${shown} is inside a .git directory; git metadata is never written`);
  const spaced = segments.find((segment) => segment !== segment.trim());
  if (spaced !== void 0) {
    return fail(`path ${shown} has a name that starts or ends with whitespace (${JSON.stringify(spaced)}); remove the spaces`);
  }
  if (path2.includes("\\")) return fail(`path ${shown} contains a backslash; use forward slashes (${JSON.stringify(slashed)})`);
  const canonical = segments.filter((segment) => segment !== "" && segment !== ".").join("/");
  if (canonical === "") return fail(`path ${shown} names the repository root, not a file`);
  if (path2.endsWith("/")) return fail(`path ${shown} ends with "/" and names a directory; give a file path`);
  if (canonical !== path2) return fail(`path ${shown} is not in canonical form; write it as ${JSON.stringify(canonical)}`);
  if (samePath(path2, rules.prdPath)) return fail(`path ${shown} is the PRD (${rules.prdPath}); the bot never edits the PRD`);
  const glob = protectingGlob(path2, rules.protectedGlobs);
  if (glob !== void 0) return fail(`path ${shown} is protected by the glob ${JSON.stringify(glob)} (config paths.protected)`);
  return OK;
}
function checkContent(path2, content, rules) {
  const bytes = utf8Length(content);
  if (bytes > rules.maxFileBytes) {
    return fail(`${path2}: the content is ${bytes} bytes, over the limit of ${rules.maxFileBytes} (policy.max_file_bytes); propose a smaller file or edits`);
  }
  const nul = content.indexOf("\0");
  if (nul !== -1) return fail(`${path2}: the content holds a NUL character (at index ${nul}) and looks binary; only text files are written`);
  let controls = 0;
  for (let i = 0; i < content.length; i++) if (isBinaryControl(content.charCodeAt(i))) controls++;
  if (content.length > 0 && controls / content.length > BINARY_CONTROL_SHARE) {
    return fail(`${path2}: ${controls} of ${content.length} characters are control characters; the content looks binary and only text files are written`);
  }
  return OK;
}
function checkNotDeletion(file) {
  if (file.before !== void 0 && file.before.trim() !== "" && file.after.trim() === "") {
    return fail(`${file.path}: the new content is empty, which would delete the file's content; files are never deleted`);
  }
  return OK;
}
function checkPlannedFile(file, rules) {
  const path2 = checkPath(file.path, rules);
  if (!path2.ok || file.mode === "NOOP") return path2;
  const deletion = checkNotDeletion(file);
  if (!deletion.ok) return deletion;
  return checkContent(file.path, file.after, rules);
}
function isControl(code) {
  return code < 32 || code === 127;
}
function isBinaryControl(code) {
  return isControl(code) && !(code >= 9 && code <= 13) && code !== 27;
}
function isGitDirName(segment) {
  const name = segment.toLowerCase().replace(/[. ]+$/, "");
  return name === ".git" || name === "git~1";
}
var matchers = /* @__PURE__ */ new Map();
function protectingGlob(path2, globs) {
  return globs.find((glob) => {
    let matcher = matchers.get(glob);
    if (matcher === void 0) {
      matcher = (0, import_picomatch.default)(glob, { dot: true, nocase: true });
      matchers.set(glob, matcher);
    }
    return matcher(path2);
  });
}
function samePath(path2, prdPath) {
  const normalize = (p) => p.replace(/\\/g, "/").split("/").filter((segment) => segment !== "" && segment !== ".").join("/").toLowerCase();
  return normalize(path2) === normalize(prdPath);
}
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) bytes += 1;
    else if (code < 2048) bytes += 2;
    else if (code >= 55296 && code <= 56319 && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
function fail(reason) {
  return { ok: false, reason };
}

// src/core/propose/policy.ts
function checkProposalPaths(proposal, rules) {
  for (const file of proposal.files) {
    const result = checkPath(file.path, rules);
    if (!result.ok) return result;
  }
  return { ok: true };
}
function checkProposal(proposal, planned, policy, rules) {
  const paths = checkProposalPaths(proposal, rules);
  if (!paths.ok) return paths;
  for (const file of planned) {
    const result = checkPlannedFile(file, rules);
    if (!result.ok) return result;
  }
  const count = proposal.files.length;
  if (count > policy.max_files) {
    return { ok: false, reason: `the proposal touches ${count} files; policy.max_files allows ${policy.max_files}. Split the change or pick a smaller gap` };
  }
  const written = planned.filter((file) => file.mode !== "NOOP");
  let lines = 0;
  for (const file of written) {
    lines += countChangedLines(file.before, file.after, policy.max_changed_lines - lines);
    if (lines > policy.max_changed_lines) {
      return { ok: false, reason: `the proposal changes more than ${policy.max_changed_lines} lines (at least ${lines} once ${file.path} is counted); policy.max_changed_lines allows ${policy.max_changed_lines}. Make a smaller change` };
    }
  }
  if (policy.require_test && !written.some(isTestChange)) {
    const names = written.map((file) => file.path).join(", ") || "none";
    return { ok: false, reason: `no test code among the written files (${names}); policy.require_test asks for a new or changed test (a test file by its language's naming, e.g. *.test.ts, test_*.py, *_test.go, or a source file under test/ or tests/)` };
  }
  return { ok: true };
}
function isTestChange(file) {
  if (isTestCode(file.path)) return true;
  if (!file.path.endsWith(".rs")) return false;
  const marker = "#[cfg(test)]";
  const tail = (text) => {
    const at = text?.indexOf(marker) ?? -1;
    return at === -1 ? void 0 : text.slice(at);
  };
  const after = tail(file.after);
  return after !== void 0 && after !== tail(file.before);
}
function shouldRunCycle(history, giveUpAfter) {
  const ordered = history.every((entry) => typeof entry.at === "string") ? [...history].sort((x, y) => x.at < y.at ? -1 : x.at > y.at ? 1 : 0) : [...history];
  let streak = 0;
  let last;
  for (const entry of ordered) {
    if (isFailure(entry.outcome)) {
      streak++;
      last = entry.outcome;
    } else if (!entry.outcome.startsWith("skipped_") && entry.outcome !== "error") {
      streak = 0;
    }
  }
  if (streak > 0 && streak >= giveUpAfter) {
    return {
      ok: false,
      reason: `the gap failed ${streak} cycles in a row (last: ${last}); policy.give_up_after_failures is ${giveUpAfter}. Reword the gap or raise the limit to try again`
    };
  }
  return { ok: true };
}

// src/jobs/propose/apply-proposal.ts
async function applyProposal(workspace, proposal, rules, write) {
  const guard = { protectedGlobs: rules.protectedGlobs, prdPath: rules.prdPath };
  const current = /* @__PURE__ */ new Map();
  for (const file of proposal.files) {
    const pathCheck = checkPath(file.path, guard);
    if (!pathCheck.ok) return { ok: false, outcome: "proposal_rejected", reason: pathCheck.reason, files: [] };
    if ("content" in file && !file.is_new && rules.partialPaths?.includes(file.path.replace(/^\.\//, ""))) {
      const reason = `${file.path}: the prompt showed this file only in part, so a whole-content rewrite would drop what was not shown; change it with edits`;
      return { ok: false, outcome: "proposal_rejected", reason, files: [] };
    }
    const inside = await workspace.resolveInside(file.path);
    if (!inside.ok) return { ok: false, outcome: "proposal_rejected", reason: `${file.path}: ${inside.reason}`, files: [] };
  }
  const ignored = await workspace.ignoredPaths(proposal.files.map((file) => file.path));
  if (ignored.length > 0) {
    return { ok: false, outcome: "proposal_rejected", reason: `${ignored.join(", ")}: git ignores ${ignored.length === 1 ? "this path" : "these paths"} (.gitignore); the bot never writes ignored files`, files: [] };
  }
  for (const file of proposal.files) {
    try {
      current.set(file.path, await workspace.readFile(file.path));
    } catch (error) {
      const outcome = error instanceof NotTextError ? "proposal_rejected" : "apply_failed";
      return { ok: false, outcome, reason: error instanceof NotTextError ? error.message : `${file.path}: ${error.message}`, files: [] };
    }
  }
  const plan = planFiles(proposal, current);
  if (!plan.ok) return { ok: false, outcome: "apply_failed", reason: plan.reason, files: [] };
  keepByteOrderMarks(plan.files);
  if (plan.files.every((file) => file.mode === "NOOP")) return { ok: true, files: plan.files };
  const verdict = checkProposal(proposal, plan.files, rules.policy, { ...guard, maxFileBytes: rules.policy.max_file_bytes });
  if (!verdict.ok) return { ok: false, outcome: "proposal_rejected", reason: verdict.reason, files: plan.files };
  if (write) {
    for (const file of plan.files) {
      if (file.mode === "NOOP") continue;
      try {
        await workspace.writeFile(file.path, file.after);
      } catch (error) {
        return { ok: false, outcome: "apply_failed", reason: `${file.path}: ${error.message}`, files: plan.files };
      }
    }
  }
  return { ok: true, files: plan.files };
}
function keepByteOrderMarks(files) {
  for (const file of files) {
    if (file.mode === "UPDATE" && file.before?.startsWith("\uFEFF") && !file.after.startsWith("\uFEFF")) file.after = `\uFEFF${file.after}`;
  }
}

// src/core/propose/proposal.ts
var nonEmpty = (text) => text.trim() !== "";
var path = external_exports.string().describe("File path relative to the repository root, with forward slashes (src/foo.ts).");
var editSchema = external_exports.object({
  old_string: external_exports.string().describe("Exact text of the current file to replace; it must occur exactly once."),
  new_string: external_exports.string().describe("The replacement text.")
}).strict();
var contentFileSchema = external_exports.object({
  path,
  is_new: external_exports.boolean().describe("true to create a file that does not exist yet; false to replace an existing file."),
  content: external_exports.string().describe("The whole content of the file after the change.")
}).strict();
var editsFileSchema = external_exports.object({
  path,
  is_new: external_exports.literal(false).describe("Edits apply to existing files only."),
  edits: external_exports.array(editSchema).min(1).describe("Search/replace edits applied in order.")
}).strict();
var proposalSchema = external_exports.object({
  summary: external_exports.string().refine(nonEmpty, "must not be empty").describe("One line: what the change does (becomes the PR title)."),
  rationale: external_exports.string().describe("Why this change closes the gap, and how the test proves it."),
  estimated_loc: external_exports.number().int().nonnegative().describe("Estimated number of changed lines."),
  files: external_exports.array(external_exports.union([contentFileSchema, editsFileSchema])).min(1).describe("Files to create or change: either whole `content`, or `edits` on an existing file. Never delete a file.")
}).strict();
var proposalJsonSchema = withoutMetaSchema(external_exports.toJSONSchema(proposalSchema));
var TOP_KEYS = ["summary", "rationale", "estimated_loc", "files"];
var MAX_ISSUES = 6;
function parseProposal(text) {
  if (text.trim() === "") return { ok: false, error: "the answer is empty; reply with one JSON object" };
  const found = extractJsonObjects(text);
  let best = null;
  for (const candidate of found.objects) {
    const checked = validate(candidate.value);
    if (checked.ok) return checked;
    const score = TOP_KEYS.filter((key) => Object.hasOwn(candidate.value, key)).length;
    if (best === null || score > best.score) best = { candidate, issues: checked.issues, score };
  }
  if (found.truncated && (best === null || best.score === 0)) return { ok: false, error: truncationMessage(found.truncated) };
  if (best !== null) return { ok: false, error: `the proposal does not match the schema: ${summarize(best.issues)}` };
  if (found.syntaxError) {
    const hint = /control character/i.test(found.syntaxError.message) ? " (escape newlines and tabs inside strings as \\n and \\t)" : "";
    return { ok: false, error: `the JSON object at line ${found.syntaxError.line} is not valid JSON: ${found.syntaxError.message}${hint}` };
  }
  return { ok: false, error: "no JSON object found in the answer; reply with one JSON object that starts with { and ends with }" };
}
function validate(value) {
  const result = proposalSchema.safeParse(coerceLoc(value), { reportInput: true });
  if (result.success) return { ok: true, proposal: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => describeIssue(issue, [])) };
}
function coerceLoc(value) {
  const loc = value["estimated_loc"];
  return typeof loc === "string" && /^\s*\d{1,9}\s*$/.test(loc) ? { ...value, estimated_loc: Number(loc) } : value;
}
function describeIssue(issue, prefix) {
  const at = [...prefix, ...issue.path];
  const where = formatPath(at);
  switch (issue.code) {
    case "invalid_type": {
      const expected = issue.expected === "int" ? "an integer" : issue.expected;
      if (issue.input === void 0) return [`${where}: missing (expected ${expected})`];
      return [`${where}: expected ${expected}, got ${describeValue(issue.input)}`];
    }
    case "unrecognized_keys":
      return [`${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (allowed: ${allowedKeys(at)})`];
    case "too_small":
      if (issue.origin === "array") return [`${where}: must not be empty`];
      return [`${where}: must be at least ${String(issue.minimum)}, got ${describeValue(issue.input)}`];
    case "invalid_value":
      if (at.at(-1) === "is_new") return [`${where}: must be false for a file with edits (to create a file, give its whole content)`];
      return [`${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${describeValue(issue.input)}`];
    case "invalid_union":
      return describeFileUnion(issue, at);
    default:
      return [`${where}: ${issue.message}`];
  }
}
function describeFileUnion(issue, at) {
  const where = formatPath(at);
  const input = issue.input;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [`${where}: expected a file object {path, is_new, content} or {path, is_new: false, edits}, got ${describeValue(input)}`];
  }
  const hasContent = Object.hasOwn(input, "content");
  const hasEdits = Object.hasOwn(input, "edits");
  if (hasContent && hasEdits) return [`${where}: give either "content" or "edits", not both`];
  const branch = issue.errors[hasEdits ? 1 : 0] ?? [];
  if (!hasContent && !hasEdits) {
    const rest = branch.filter((inner) => !(inner.code === "invalid_type" && inner.path[0] === "content"));
    return [`${where}: missing "content" (whole file) or "edits" (search/replace)`, ...rest.flatMap((inner) => describeIssue(inner, at))];
  }
  return branch.flatMap((inner) => describeIssue(inner, at));
}
function allowedKeys(at) {
  if (at.length === 0) return TOP_KEYS.join(", ");
  if (at.length === 2) return "path, is_new, and content or edits";
  return "old_string, new_string";
}
function formatPath(path2) {
  if (path2.length === 0) return "(top level)";
  return path2.map((key, i) => typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`).join("");
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `string ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}\u2026` : value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
function summarize(issues) {
  const shown = issues.slice(0, MAX_ISSUES).join("; ");
  return issues.length > MAX_ISSUES ? `${shown}; and ${issues.length - MAX_ISSUES} more` : shown;
}
function truncationMessage(truncated) {
  const closers = [...truncated.open].reverse().map((c) => c === "{" ? "}" : "]").join("");
  const where = truncated.inString ? "inside a string" : "before its end";
  return `the JSON object that starts at line ${truncated.line} is cut off ${where} (missing "${closers}"); the answer was probably truncated by the output token limit: send the complete object, and keep it short (prefer edits over whole files)`;
}
function withoutMetaSchema(schema) {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

// src/jobs/propose/cycle-prompt.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// src/core/gaps/issue-gap.ts
var ISSUE_SECTION_HEADING = "Issues labelled for prd-bot";
var ISSUE_BODY_LIMIT = 1500;
function issueGapText(issue, tag) {
  const clean = (text) => text.split(tag).join(" ").replace(/<!--[\s\S]*?(-->|$)/g, " ").replace(/\s+/g, " ").trim();
  const title = clean(issue.title) || "(untitled)";
  let body = clean(issue.body);
  if (body.length > ISSUE_BODY_LIMIT) body = `${body.slice(0, ISSUE_BODY_LIMIT - 1)}\u2026`;
  return body ? `Issue #${issue.number}: ${title} \u2014 ${body}` : `Issue #${issue.number}: ${title}`;
}
function withIssueGap(prd, issue, tag) {
  const base = prd ?? "";
  const lead = base === "" ? "" : base.endsWith("\n") ? "\n" : "\n\n";
  const prefix = `${base}${lead}## ${ISSUE_SECTION_HEADING}

`;
  const line = prefix.split("\n").length;
  return { text: `${prefix}- [ ] ${issueGapText(issue, tag)} ${tag}
`, line };
}

// src/core/retrieval/gap-query.ts
var EXTENSION_WORDS = /* @__PURE__ */ new Set(["py", "ts", "js", "tsx", "jsx", "mjs", "go", "rs", "rb", "md", "java", "kt", "cs", "cpp", "hpp", "yml", "yaml", "json", "toml"]);
var WEIGHTS = { text: 3, body: 1.5, section: 2, context: 1 };
function buildQuery(gap, paths) {
  const surrounding = surroundingText(gap);
  const issue = /^Issue #\d+: (.*?)(?: — (.*))?$/s.exec(gap.text);
  const parts = [
    ...issue ? [{ text: issue[1], weight: WEIGHTS.text }, { text: issue[2] ?? "", weight: WEIGHTS.body }] : [{ text: gap.text, weight: WEIGHTS.text }],
    // The heading an issue's gap sits under names prd-bot, not the code.
    { text: gap.section.filter((heading) => heading !== ISSUE_SECTION_HEADING).join("\n"), weight: WEIGHTS.section },
    { text: surrounding, weight: WEIGHTS.context }
  ];
  const weights = /* @__PURE__ */ new Map();
  const order = [];
  for (const part of parts) {
    for (const term of queryTerms([part.text])) {
      if (EXTENSION_WORDS.has(term)) continue;
      const before = weights.get(term);
      if (before === void 0) order.push(term);
      weights.set(term, before === void 0 ? part.weight : Math.max(before, part.weight) + 0.25);
    }
  }
  const terms = order.map((term) => ({ term, weight: weights.get(term) })).sort((a, b) => b.weight - a.weight);
  const all = [gap.text, surrounding].join("\n");
  return { terms, identifiers: identifiersIn(all), named: namedPaths(gap, all, paths), text: [gap.text, ...gap.section, surrounding].join("\n") };
}
function surroundingText(gap) {
  const context = gap.context ?? "";
  return context.split("\n").filter((line) => !line.includes(gap.text.slice(0, 60))).join("\n");
}
var STOP_IDENTIFIERS = /* @__PURE__ */ new Set(["e.g", "i.e", "etc", "vs", "http", "https", "www"]);
function identifiersIn(text) {
  const found = [];
  const add = (name) => {
    const clean = name.replace(/^[.$]+|[.(),:;]+$/g, "");
    if (clean.length < 3 || STOP_IDENTIFIERS.has(clean.toLowerCase()) || /^\d/.test(clean) || found.includes(clean)) return;
    found.push(clean);
  };
  for (const match of text.matchAll(/`([^`\n]{2,80})`/g)) {
    for (const word of match[1].match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g) ?? []) addName(word, add);
  }
  const code = /(?<![\w/.-])([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(\(\))?/g;
  for (const match of text.matchAll(code)) {
    const word = match[1];
    const isCall = match[2] !== void 0;
    const looksCode = word.includes("_") || /[a-z][A-Z]/.test(word) || /^[A-Z][a-z]+[A-Z]/.test(word) || (word.includes(".") && !/\.(\w{1,4})$/.test(word) ? true : false);
    if (isCall || looksCode) addName(word, add);
  }
  return found;
}
function addName(word, add) {
  if (/^https?$/i.test(word)) return;
  add(word);
  if (word.includes(".")) {
    const parts = word.split(".").filter(Boolean);
    const last = parts[parts.length - 1];
    if (last && last.length >= 3) add(last);
  }
}
function namedPaths(gap, text, paths) {
  const out = [];
  const known = new Set(paths);
  const add = (path2, by) => {
    if (!out.some((entry) => entry.path === path2)) out.push({ path: path2, by });
  };
  for (const file of gap.files) {
    const path2 = file.replace(/^\.\//, "");
    if (known.has(path2)) add(path2, file);
  }
  const bySuffix = suffixLookup(paths);
  for (const match of text.matchAll(/[\w./-]*[\w-]\.[A-Za-z][\w]{0,9}\b/g)) {
    const word = match[0].replace(/^\.\//, "").replace(/^\/+/, "");
    if (word.length < 4 || /^https?:|^www\./.test(word)) continue;
    if (known.has(word)) {
      add(word, word);
      continue;
    }
    const candidates = bySuffix(word);
    if (candidates.length === 1) add(candidates[0], word);
    else if (candidates.length === 0) for (const path2 of modulePaths(word, bySuffix)) add(path2, word);
  }
  return out;
}
function suffixLookup(paths) {
  const byName = /* @__PURE__ */ new Map();
  for (const path2 of paths) {
    const name = path2.slice(path2.lastIndexOf("/") + 1);
    const list = byName.get(name);
    if (list) list.push(path2);
    else byName.set(name, [path2]);
  }
  return (suffix) => {
    const name = suffix.slice(suffix.lastIndexOf("/") + 1);
    return (byName.get(name) ?? []).filter((path2) => path2 === suffix || path2.endsWith(`/${suffix}`));
  };
}
var MODULE_FILES = ["py", "ts", "js", "go", "rs", "rb", "java"];
function modulePaths(word, bySuffix) {
  const parts = word.split(".");
  if (parts.length < 2 || parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) return [];
  for (let length = parts.length; length >= 2; length -= 1) {
    const base = parts.slice(0, length).join("/");
    for (const suffix of [...MODULE_FILES.map((ext) => `${base}.${ext}`), `${base}/__init__.py`, `${base}/mod.rs`, `${base}/index.ts`]) {
      const found = bySuffix(suffix);
      if (found.length === 1) return found;
    }
  }
  return [];
}

// src/core/retrieval/outline.ts
var IMPORT = /^\s*(?:import\s|from\s+\S+\s+import\s|use\s|#include\s|require\(|const\s+\w+\s*=\s*require\(|package\s|extern\s+crate\s)/;
function outlineOf(path2, content, options = {}) {
  const symbols = options.symbols ?? symbolsOf(path2, content);
  const lines = content.split("\n");
  const out = [];
  const imports = [];
  let importCount = 0;
  const maxImports = options.maxImports ?? 12;
  for (let i = 0; i < lines.length && i < 400; i += 1) {
    const line = lines[i];
    if (!IMPORT.test(line)) continue;
    importCount += 1;
    if (imports.length < maxImports) imports.push(`${i + 1}: ${line.trim().slice(0, 160)}`);
  }
  out.push(...imports);
  if (importCount > imports.length) out.push(`\u2026 ${importCount - imports.length} more import lines`);
  const maxSymbols = options.maxSymbols ?? 200;
  const stack = [];
  let shown = 0;
  for (const symbol of symbols) {
    while (stack.length > 0 && stack[stack.length - 1].endLine < symbol.startLine) stack.pop();
    if (shown >= maxSymbols) continue;
    const depth = stack.filter((outer) => outer.endLine >= symbol.endLine).length;
    const range = symbol.startLine === symbol.endLine ? `${symbol.startLine}` : `${symbol.startLine}-${symbol.endLine}`;
    out.push(`${"  ".repeat(depth)}${range}: ${symbol.signature || `${symbol.kind} ${symbol.name}`}`);
    shown += 1;
    stack.push(symbol);
  }
  if (symbols.length > shown) out.push(`\u2026 ${symbols.length - shown} more definitions`);
  if (out.length === 0) out.push(`(no definitions found; ${lines.length} lines)`);
  return out.join("\n");
}

// src/core/retrieval/pack-context.ts
var OVERHEAD = 12;
var MIN_PART = 250;
var TESTS_FOR = 2;
function packContext(input) {
  const files = [];
  const skipped = [];
  const taken = /* @__PURE__ */ new Set();
  const tests = testsByBase([...input.files.keys()]);
  let used = 0;
  let testsBrought = 0;
  const room = () => input.maxTokens - used;
  const order = [
    ...input.pinned.map((pin) => ({ entry: input.ranking.find((r) => r.path === pin.path), path: pin.path, source: "pinned", why: [pin.why] })),
    ...input.ranking.map((entry) => ({ entry, path: entry.path, source: entry.named ? "named" : "search", why: entry.reasons }))
  ];
  let misses = 0;
  for (const [position, item] of order.entries()) {
    if (files.length >= input.maxFiles || room() < OVERHEAD * 2 || misses >= 12) break;
    if (taken.has(item.path)) continue;
    const file = input.files.get(item.path);
    if (!file) continue;
    const lead = position < 2 || item.source !== "search";
    const wholeCap = lead ? room() : Math.max(Math.floor(input.maxTokens * 0.4), MIN_PART);
    const partCap = Math.min(room(), Math.max(600, Math.floor(input.maxTokens * (lead ? 0.5 : 0.25))));
    const packed = fit(file, item.entry?.focus ?? [], input, Math.min(room(), wholeCap), partCap);
    if (!packed) {
      misses += 1;
      if (skipped.length < 10) skipped.push({ path: item.path, reason: "over_budget" });
      continue;
    }
    files.push({ ...packed, source: item.source, score: item.entry?.score ?? null, reasons: item.why });
    taken.add(item.path);
    used += packed.tokens;
    if (input.bringTests === false || item.entry?.role !== "source" || testsBrought >= TESTS_FOR || files.length >= input.maxFiles) continue;
    const test = coveringTests(item.path, tests).find((path2) => !taken.has(path2));
    const testFile = test ? input.files.get(test) : void 0;
    if (!test || !testFile) continue;
    testsBrought += 1;
    const share = Math.min(room(), Math.max(MIN_PART, Math.floor(input.maxTokens * 0.12)));
    const packedTest = fit(testFile, [], input, share, share);
    if (!packedTest) continue;
    files.push({ ...packedTest, source: "test", score: null, reasons: [`covers ${item.path}`] });
    taken.add(test);
    used += packedTest.tokens;
  }
  return { files, tokens: used, skipped };
}
function fit(file, focus, input, wholeRoom, partRoom) {
  const lineCount = file.content.split("\n").length;
  const overhead = countTokens(file.path) + OVERHEAD;
  const whole = tokensWithin(file.content, wholeRoom - overhead);
  if (whole !== null) return { path: file.path, content: file.content, tokens: whole + overhead, partial: false, lines: lineCount };
  if (partRoom < MIN_PART) return null;
  const symbols = symbolsFromIndex(input.index, file);
  const budget = partRoom - overhead - 40;
  const outline = fitLines(outlineOf(file.path, file.content, { symbols }), Math.floor(budget * 0.35));
  const outlineTokens = countTokens(outline);
  const lines = [...focus, ...termLines(file.content, input.weights)];
  if (lines.length === 0) lines.push(1);
  const regions = regionsAround(file.path, file.content, lines, { maxTokens: budget - outlineTokens, numbered: false, symbols });
  const content = `[outline]
${outline}
[regions]
${regions.text}`;
  const tokens = countTokens(content) + overhead;
  if (regions.ranges.length === 0 || tokens > partRoom) return null;
  return { path: file.path, content, tokens, partial: true, ranges: regions.ranges, lines: lineCount };
}
function symbolsFromIndex(index, file) {
  const lines = file.content.split("\n");
  return index.symbols(file).map((symbol) => {
    let n = symbol.startLine;
    while (n < symbol.endLine && /^\s*(@|#\[)/.test(lines[n - 1] ?? "")) n += 1;
    return { ...symbol, signature: oneLine(lines[n - 1] ?? "") };
  });
}
function tokensWithin(text, room) {
  if (room <= 0) return null;
  const probe = text.slice(0, room * 8);
  const probeTokens = countTokens(probe);
  if (probeTokens > room) return null;
  const tokens = probe.length === text.length ? probeTokens : countTokens(text);
  return tokens <= room ? tokens : null;
}
function fitLines(text, room) {
  const lines = text.split("\n");
  const out = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const cost = countTokens(line) + 1;
    if (used + cost > room - 8) {
      out.push(`\u2026 ${lines.length - i} more outline lines`);
      break;
    }
    out.push(line);
    used += cost;
  }
  return out.join("\n");
}
function termLines(content, weights, max = 8) {
  const scored = [];
  const lines = content.split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.length > 500) continue;
    const seen = /* @__PURE__ */ new Set();
    let score = 0;
    for (const word of tokenize(line)) {
      const lower = word.toLowerCase();
      for (const [term, weight] of weights) {
        if (seen.has(term)) continue;
        if (lower === term || term.length >= 4 && lower.startsWith(term)) {
          seen.add(term);
          score += weight;
        }
      }
    }
    if (score > 0) scored.push({ line: i + 1, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.line - b.line).slice(0, max).map((entry) => entry.line);
}

// src/core/retrieval/retrieval-index.ts
var BM25 = { k: 1.2, b: 0.7, d: 0.5 };
var PREFIX_MIN = 4;
var MAX_TERMS = 31;
function rankFiles(files, queryTerms2, options = {}) {
  const terms = [...new Set(queryTerms2.map((term) => term.toLowerCase()))].slice(0, MAX_TERMS);
  const limit = options.limit ?? 50;
  if (terms.length === 0 || files.length === 0) return { ranked: [], contentTerms: [], commonTerms: [], tokenizedFiles: 0 };
  const { masks, documentFrequency } = presence(files, terms);
  const contentTerms = chooseContentTerms(terms, documentFrequency, files.length, options.commonFraction ?? 0.5);
  const commonTerms = terms.filter((term, i) => (documentFrequency[i] ?? 0) > 0 && !contentTerms.includes(term));
  let contentMask = 0;
  for (const term of contentTerms) contentMask |= 1 << terms.indexOf(term);
  const scores = /* @__PURE__ */ new Map();
  const add = (id, score, matched) => {
    const entry = scores.get(id) ?? { score: 0, terms: /* @__PURE__ */ new Set() };
    entry.score += score;
    for (const term of matched) entry.terms.add(term);
    scores.set(id, entry);
  };
  const boostTerm = options.weights ? (term) => options.weights?.get(term) ?? 1 : void 0;
  const content = contentScores(files, masks, contentMask, contentTerms, options.lengthSample ?? 256, boostTerm);
  for (const result of content.results) add(result.id, result.score, result.terms);
  const pathWeight = options.pathWeight ?? 2;
  if (pathWeight > 0) for (const result of pathScores(files, terms, boostTerm)) add(result.id, pathWeight * result.score, result.terms);
  const ranked = [...scores.entries()].map(([id, entry]) => ({ path: files[id].path, score: entry.score, terms: [...entry.terms] })).sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, limit);
  return { ranked, contentTerms, commonTerms, tokenizedFiles: content.tokenized };
}
function presence(files, terms) {
  const masks = new Uint32Array(files.length);
  const documentFrequency = terms.map(() => 0);
  files.forEach((file, id) => {
    const text = file.content.toLowerCase();
    let mask = 0;
    terms.forEach((term, t) => {
      if (text.includes(term)) {
        mask |= 1 << t;
        documentFrequency[t] = (documentFrequency[t] ?? 0) + 1;
      }
    });
    masks[id] = mask;
  });
  return { masks, documentFrequency };
}
function chooseContentTerms(terms, df, total, commonFraction) {
  const present = terms.filter((_, i) => (df[i] ?? 0) > 0);
  const rare = present.filter((term) => (df[terms.indexOf(term)] ?? 0) <= commonFraction * total);
  if (rare.length > 0) return rare;
  return [...present].sort((a, b) => (df[terms.indexOf(a)] ?? 0) - (df[terms.indexOf(b)] ?? 0)).slice(0, 3);
}
function contentScores(files, masks, contentMask, terms, lengthSample, boostTerm) {
  if (terms.length === 0) return { results: [], tokenized: 0 };
  let indexedLength = 0;
  const index = new MiniSearch({
    fields: ["content"],
    storeFields: [],
    // MiniSearch's field length is the number of distinct tokens; it is summed here on the way through
    // (the index keeps it private) for the mean length below.
    tokenize: (text) => {
      const tokens = tokenize(text);
      indexedLength += new Set(tokens).size;
      return tokens;
    },
    processTerm: termFilter(terms)
  });
  let indexedCount = 0;
  const others = [];
  files.forEach((file, id) => {
    if (((masks[id] ?? 0) & contentMask) === 0) {
      others.push(id);
      return;
    }
    index.add({ id, content: file.content });
    indexedCount += 1;
  });
  for (const id of others) index.add({ id });
  const meanIndexed = indexedCount > 0 ? indexedLength / indexedCount : 0;
  const meanAll = estimateMeanLength(files, others, indexedLength, lengthSample);
  const bm25 = rescaledBm25(meanIndexed, meanAll);
  const results = index.search(terms.join(" "), {
    combineWith: "OR",
    prefix: (term) => term.length >= PREFIX_MIN,
    bm25: bm25.params,
    ...boostTerm ? { boostTerm } : {}
  });
  return {
    results: results.map((result) => ({ id: result.id, score: result.score / bm25.scale, terms: result.queryTerms })),
    tokenized: indexedCount
  };
}
function termFilter(terms) {
  const firstLetters = new Set(terms.map((term) => term.charCodeAt(0)));
  const exact = new Set(terms);
  const prefixes = terms.filter((term) => term.length >= PREFIX_MIN);
  return (token) => {
    const first = token.charCodeAt(0);
    const firstLower = first >= 65 && first <= 90 ? first + 32 : first;
    if (first < 128 && !firstLetters.has(firstLower)) return null;
    const lower = token.toLowerCase();
    if (!firstLetters.has(lower.charCodeAt(0))) return null;
    if (exact.has(lower)) return lower;
    for (const prefix of prefixes) if (lower.startsWith(prefix)) return lower;
    return null;
  };
}
function uniqueTokens(text) {
  return new Set(tokenize(text)).size;
}
function estimateMeanLength(files, others, indexedLength, sample) {
  const total = files.length;
  if (others.length === 0) return indexedLength / total;
  const step = Math.max(1, Math.ceil(others.length / Math.max(1, sample)));
  let sampledTokens = 0;
  let sampledChars = 0;
  let otherChars = 0;
  others.forEach((id, i) => {
    const content = files[id].content;
    otherChars += content.length;
    if (i % step !== 0) return;
    sampledTokens += uniqueTokens(content);
    sampledChars += content.length;
  });
  const estimate = step === 1 ? sampledTokens : sampledChars > 0 ? sampledTokens / sampledChars * otherChars : 0;
  return (indexedLength + estimate) / total;
}
function rescaledBm25(meanIndexed, meanAll) {
  if (meanIndexed <= 0 || meanAll <= 0) return { params: BM25, scale: 1 };
  const ratio = meanIndexed / meanAll;
  const c = 1 / (1 - BM25.b + BM25.b * ratio);
  const k = BM25.k / c;
  const scale = (k + 1) / (BM25.k + 1);
  return { params: { k, b: BM25.b * ratio * c, d: BM25.d * scale }, scale };
}
function pathScores(files, terms, boostTerm) {
  const index = new MiniSearch({
    fields: ["path"],
    storeFields: [],
    tokenize,
    processTerm: (token) => token.length > 1 ? token.toLowerCase() : null
  });
  index.addAll(files.map((file, id) => ({ id, path: file.path })));
  return index.search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= PREFIX_MIN, ...boostTerm ? { boostTerm } : {} }).map((result) => ({ id: result.id, score: result.score, terms: result.queryTerms }));
}

// src/core/retrieval/symbol-index.ts
import { createHash } from "node:crypto";
var SYMBOL_INDEX_PATH = "context/symbol-index.json";
var SymbolIndex = class _SymbolIndex {
  entries = /* @__PURE__ */ new Map();
  /** Blobs parsed (or re-parsed) since load, i.e. whether saving is worth it. */
  changed = 0;
  tree = null;
  static load(text) {
    const index = new _SymbolIndex();
    if (!text) return index;
    try {
      const stored = JSON.parse(text);
      if (stored.v !== 1 || typeof stored.blobs !== "object") return index;
      index.tree = stored.tree ?? null;
      for (const [blob, [parsed, packed]] of Object.entries(stored.blobs)) index.entries.set(blob, { parsed, symbols: null, packed });
    } catch {
    }
    return index;
  }
  /** The stored form, keeping only the blobs of `files` (the current tree). */
  save(files, tree) {
    const blobs = {};
    for (const file of files) {
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry) blobs[blob] = [entry.parsed, entry.packed ?? pack(entry.symbols ?? [])];
    }
    return JSON.stringify({ v: 1, tree, blobs });
  }
  get size() {
    return this.entries.size;
  }
  /** The file's symbols: from the index, else parsed now (regex when `fast`), and remembered. */
  symbols(file, options = {}) {
    const blob = blobOf(file);
    const entry = this.entries.get(blob);
    if (entry && (entry.parsed === 1 || options.fast || !languageOf(file.path))) {
      entry.symbols ??= unpack(entry.packed ?? "");
      return entry.symbols;
    }
    return this.parse(file, blob, options.fast ?? false);
  }
  has(file) {
    return this.entries.has(blobOf(file));
  }
  /**
   * Indexes `first` (all of them; real parser while `budgetMs` lasts, then regex), then `rest` with the
   * real parser for `restMs` more (default 0), so the cache grows a little each run without making
   * any run slow. Returns how many files each way.
   */
  update(first, rest, budgetMs, now = () => performance.now(), restMs = 0) {
    let deadline = now() + budgetMs;
    let parsed = 0;
    let fallback = 0;
    for (const file of first) {
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry && (entry.parsed === 1 || !languageOf(file.path))) continue;
      const fast = now() > deadline;
      if (fast && entry) continue;
      this.parse(file, blob, fast);
      if (fast) fallback += 1;
      else parsed += 1;
    }
    deadline = Math.min(deadline, now()) + restMs;
    for (const file of rest) {
      if (now() > deadline) break;
      const blob = blobOf(file);
      const entry = this.entries.get(blob);
      if (entry && (entry.parsed === 1 || !languageOf(file.path))) continue;
      this.parse(file, blob, false);
      parsed += 1;
    }
    return { parsed, fallback };
  }
  parse(file, blob, fast) {
    const symbols = symbolsOf(file.path, file.content, { parser: fast ? "regex" : "auto" }).map(compact);
    this.entries.set(blob, { parsed: fast || !languageOf(file.path) ? 0 : 1, symbols, packed: null });
    this.changed += 1;
    return symbols;
  }
};
function compact(symbol) {
  const { name, kind, startLine, endLine, container } = symbol;
  return container === void 0 ? { name, kind, startLine, endLine } : { name, kind, startLine, endLine, container };
}
function blobOf(file) {
  if (file.blob) return file.blob;
  const bytes = Buffer.from(file.content, "utf8");
  const id = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  file.blob = id;
  return id;
}
function pack(symbols) {
  return symbols.map((s) => [s.name.replace(/\s+/g, " "), s.kind, s.startLine, s.endLine, (s.container ?? "").replace(/\s+/g, " ")].join("	")).join("\n");
}
function unpack(packed) {
  if (!packed) return [];
  return packed.split("\n").map((line) => {
    const [name = "", kind = "function", start = "0", end = "0", container = ""] = line.split("	");
    const symbol = { name, kind, startLine: Number(start), endLine: Number(end) };
    if (container) symbol.container = container;
    return symbol;
  });
}

// src/core/retrieval/rank-code.ts
var SIGNAL = { content: 1, path: 0.5, symbols: 0.8, defines: 1.6, named: 10 };
var ROLE = { source: 1, test: 0.45, docs: 0.3, other: 0.5 };
var MAX_TERMS2 = 31;
var MAX_IDENTIFIERS = 10;
function rankCode(files, query, index, options = {}) {
  const terms = query.terms.slice(0, MAX_TERMS2);
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  const wants = gapWants(query.text);
  const byPath = new Map(files.map((file) => [file.path, file]));
  const bm25 = rankFiles(files, terms.map((t) => t.term), { weights, limit: options.pool ?? 150, pathWeight: 0 });
  const paths = rankFiles(
    files.map((file) => ({ path: file.path, content: "" })),
    terms.map((t) => t.term),
    { weights, limit: options.pool ?? 150, pathWeight: 1 }
  );
  const identifiers = query.identifiers.slice(0, MAX_IDENTIFIERS);
  const candidates = /* @__PURE__ */ new Set([...bm25.ranked.map((r) => r.path), ...paths.ranked.map((r) => r.path), ...query.named.map((n) => n.path)]);
  for (const file of files) {
    if (candidates.has(file.path) || roleOf(file.path) === "docs") continue;
    if (identifiers.some((name) => file.content.includes(name.includes(".") ? name.split(".").pop() : name))) candidates.add(file.path);
  }
  const pool = [...candidates].map((path2) => byPath.get(path2)).filter((file) => file !== void 0);
  const rest = files.filter((file) => !candidates.has(file.path));
  const indexed = index.update(pool, rest, options.parseBudgetMs ?? 1500, options.now, options.growBudgetMs ?? 250);
  const contentScore = scaled(new Map(bm25.ranked.map((r) => [r.path, r.score])));
  const pathScore = scaled(new Map(paths.ranked.map((r) => [r.path, r.score])));
  const termWeight = [...weights.values()].reduce((sum, w) => sum + w, 0) || 1;
  const named = new Map(query.named.map((n) => [n.path, n.by]));
  const ranked = pool.map((file) => {
    const symbols = index.symbols(file, { fast: true });
    const reasons = [];
    let score = 0;
    const by = named.get(file.path);
    if (by !== void 0) {
      score += SIGNAL.named;
      reasons.push(`named by ${by}`);
    }
    const c = contentScore.get(file.path) ?? 0;
    const p = pathScore.get(file.path) ?? 0;
    if (c > 0) reasons.push(`bm25 content ${c.toFixed(2)}`);
    if (p > 0) reasons.push(`bm25 path ${p.toFixed(2)}`);
    score += SIGNAL.content * c + SIGNAL.path * p;
    const { matched, lines } = symbolMatches(symbols, weights);
    if (matched.length > 0) {
      const share = matched.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / termWeight;
      score += SIGNAL.symbols * Math.min(1, share * 3);
      reasons.push(`symbols match ${matched.slice(0, 4).join(", ")}`);
    }
    const defines = definedIdentifiers(symbols, identifiers);
    if (defines.names.length > 0) {
      score += SIGNAL.defines * Math.min(2, defines.names.length);
      reasons.push(`defines ${defines.names.slice(0, 3).join(", ")}`);
    }
    const role = roleOf(file.path);
    const factor = role === "test" && wants.tests ? 1 : role === "docs" && wants.docs ? 1 : ROLE[role];
    return { path: file.path, score: score * factor, role, reasons, focus: [.../* @__PURE__ */ new Set([...defines.lines, ...lines])], named: by !== void 0 };
  });
  const namedOrder = new Map(query.named.map((n, i) => [n.path, i]));
  const place = (entry) => namedOrder.get(entry.path) ?? Number.POSITIVE_INFINITY;
  ranked.sort((a, b) => place(a) - place(b) || b.score - a.score || (a.path < b.path ? -1 : 1));
  return {
    ranked: ranked.filter((entry) => entry.score > 0),
    terms: { query: terms.map((t) => t.term), content: bm25.contentTerms, common: bm25.commonTerms },
    index: indexed
  };
}
function scaled(scores) {
  const max = Math.max(0, ...scores.values());
  if (max <= 0) return /* @__PURE__ */ new Map();
  return new Map([...scores].map(([key, value]) => [key, value / max]));
}
function symbolMatches(symbols, weights) {
  const matched = /* @__PURE__ */ new Set();
  const lines = [];
  for (const symbol of symbols) {
    let weight = 0;
    for (const word of tokenize(symbol.name)) {
      const lower = word.toLowerCase();
      for (const [term, w] of weights) {
        if (lower === term || term.length >= 4 && lower.startsWith(term)) {
          matched.add(term);
          weight += w;
        }
      }
    }
    if (weight > 0) lines.push({ line: symbol.startLine, weight });
  }
  return { matched: [...matched], lines: lines.sort((a, b) => b.weight - a.weight).map((entry) => entry.line) };
}
function definedIdentifiers(symbols, identifiers) {
  const names = [];
  const lines = [];
  for (const identifier of identifiers) {
    const parts = identifier.split(".");
    const name = parts[parts.length - 1];
    const owner = parts.length > 1 ? parts[parts.length - 2] : void 0;
    const hit = symbols.find((s) => s.name === name && (owner === void 0 || s.container === owner)) ?? (owner ? void 0 : symbols.find((s) => s.name.toLowerCase() === name.toLowerCase()));
    if (!hit) continue;
    names.push(identifier);
    lines.push(hit.startLine);
  }
  return { names, lines };
}

// src/core/retrieval/repo-map.ts
var OUTLINE_LINES = 8;
function repoMap(input) {
  if (input.maxTokens <= 0 || input.paths.length === 0) return { text: "", tokens: 0 };
  const lines = [];
  let used = 0;
  const push = (line) => {
    const cost = countTokens(line) + 1;
    if (used + cost > input.maxTokens) return false;
    lines.push(line);
    used += cost;
    return true;
  };
  const counts = /* @__PURE__ */ new Map();
  for (const path2 of input.paths) {
    const parts = path2.split("/");
    const folder = parts.length > 1 ? parts.slice(0, Math.min(2, parts.length - 1)).join("/") : ".";
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const folders = [...counts.entries()].sort((a, b) => a[0] < b[0] ? -1 : 1);
  const shown = folders.slice(0, 60);
  push(`${input.paths.length} files. Folders (files, deeper folders included):`);
  push(shown.map(([folder, count]) => `${folder}/ ${count}`).join(", ") + (folders.length > shown.length ? `, \u2026 ${folders.length - shown.length} more` : ""));
  const done = /* @__PURE__ */ new Set();
  for (const { path: path2 } of input.relevant.slice(0, 4)) {
    const folder = path2.includes("/") ? path2.slice(0, path2.lastIndexOf("/")) : "";
    if (done.has(folder)) continue;
    done.add(folder);
    const names = input.paths.filter((p) => folder ? p.startsWith(`${folder}/`) && !p.slice(folder.length + 1).includes("/") : !p.includes("/"));
    const listed = names.slice(0, 40).map((p) => p.slice(p.lastIndexOf("/") + 1));
    if (!push(`${folder || "."}/: ${listed.join(", ")}${names.length > listed.length ? `, \u2026 ${names.length - listed.length} more` : ""}`)) break;
  }
  for (const { path: path2, outline } of input.relevant) {
    if (!outline) continue;
    const head = outline.split("\n").slice(0, OUTLINE_LINES);
    if (!push(`${path2}:
${head.map((line) => `  ${line}`).join("\n")}`)) break;
  }
  return { text: lines.join("\n"), tokens: used };
}

// src/core/retrieval/retrieval.ts
var DEFAULT_INDEX_CHARS = 65536;
function selectContext(gap, candidates, limits) {
  checkLimits(limits);
  const filtered = { binary: 0, tooLarge: 0 };
  const usable = /* @__PURE__ */ new Map();
  const unusable = /* @__PURE__ */ new Map();
  for (const file of candidates) {
    const path2 = file.path.replace(/^\.\//, "");
    if (usable.has(path2) || unusable.has(path2)) continue;
    if (limits.maxFileBytes !== void 0 && Buffer.byteLength(file.content, "utf8") > limits.maxFileBytes) {
      filtered.tooLarge += 1;
      unusable.set(path2, "too_large");
    } else if (looksBinary(file.content)) {
      filtered.binary += 1;
      unusable.set(path2, "binary");
    } else {
      usable.set(path2, path2 === file.path ? file : { ...file, path: path2 });
    }
  }
  const paths = [...usable.keys()];
  const query = buildQuery(gap, paths);
  const skipped = [];
  for (const file of gap.files) {
    const path2 = file.replace(/^\.\//, "");
    if (!usable.has(path2) && !query.named.some((named) => named.by === file)) skipped.push({ path: path2, reason: unusable.get(path2) ?? "not_found" });
  }
  const maxIndexChars = limits.maxIndexChars ?? DEFAULT_INDEX_CHARS;
  const searchable = [...usable.values()].map(
    (file) => (
      // A searched prefix is not the blob: it is indexed under its own content's id.
      file.content.length > maxIndexChars ? { path: file.path, content: file.content.slice(0, maxIndexChars) } : file
    )
  );
  const index = limits.index ?? new SymbolIndex();
  const ranking = rankCode(searchable, query, index, { parseBudgetMs: limits.parseBudgetMs, now: limits.now });
  if (limits.semantic && limits.semantic.length > 0) ranking.ranked = fuseSemantic(ranking.ranked, limits.semantic.filter((path2) => usable.has(path2)));
  const wants = gapWants(query.text);
  const mapShare = limits.mapShare ?? 0.08;
  const mapBudget = usable.size > 1 ? Math.min(2e3, Math.floor(limits.maxTokens * mapShare)) : 0;
  const packed = packContext({
    ranking: ranking.ranked,
    files: usable,
    pinned: (limits.pinned ?? []).filter((pin) => usable.has(pin.path)),
    weights: new Map(query.terms.map((t) => [t.term, t.weight])),
    maxTokens: limits.maxTokens - mapBudget,
    maxFiles: limits.maxFiles,
    index,
    // A gap about documentation needs the docs more than a test to imitate.
    bringTests: !wants.docs || wants.tests
  });
  skipped.push(...packed.skipped);
  const shown = new Set(packed.files.map((file) => file.path));
  let outlines = 0;
  const relevant = ranking.ranked.slice(0, 12).map((entry) => {
    if (shown.has(entry.path) || outlines >= 4) return { path: entry.path };
    outlines += 1;
    return { path: entry.path, outline: outlineOf(entry.path, usable.get(entry.path).content, { maxImports: 0 }) };
  });
  const map = repoMap({ paths, relevant, maxTokens: mapBudget });
  return {
    files: packed.files,
    tokens: packed.tokens + map.tokens,
    map,
    ranking: ranking.ranked,
    terms: { ...ranking.terms, identifiers: query.identifiers },
    named: query.named,
    skipped,
    filtered,
    indexed: ranking.index
  };
}
function fuseSemantic(ranked, semantic) {
  const byPath = new Map(ranked.map((entry) => [entry.path, entry]));
  const named = ranked.filter((entry) => entry.named);
  const rest = ranked.filter((entry) => !entry.named).map((entry) => entry.path);
  const place = new Map(semantic.map((path2, i) => [path2, i + 1]));
  const fused = reciprocalRankFusion([rest, semantic.filter((path2) => !byPath.get(path2)?.named)]);
  return [
    ...named,
    ...fused.map((path2) => {
      const entry = byPath.get(path2);
      const why = `embedding rank ${place.get(path2) ?? "-"}`;
      if (entry) return place.has(path2) ? { ...entry, reasons: [...entry.reasons, why] } : entry;
      return { path: path2, score: 0, role: roleOf(path2), reasons: [why], focus: [], named: false };
    })
  ];
}
function looksBinary(content) {
  const sample = content.slice(0, 8e3);
  if (sample.includes("\0")) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13 || code === 65533) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}
function checkLimits(limits) {
  const check = (name, value, where) => {
    if (typeof value === "number" && Number.isInteger(value) && value > 0) return;
    throw new Error(`selectContext: ${name} must be a whole number above 0 (${where}), got ${String(value)}.`);
  };
  check("maxTokens", limits.maxTokens, "context.max_tokens in .github/prd-bot.yml");
  check("maxFiles", limits.maxFiles, "context.max_files in .github/prd-bot.yml");
  if (limits.maxFileBytes !== void 0) check("maxFileBytes", limits.maxFileBytes, "passed by the caller");
  if (limits.maxIndexChars !== void 0) check("maxIndexChars", limits.maxIndexChars, "passed by the caller");
}

// src/jobs/propose/cycle-prompt.ts
import { createHash as createHash2 } from "node:crypto";

// src/jobs/shared/ask-structured.ts
var REPAIR_QUOTE_CHARS = 4e3;
async function askStructured(model, messages, options) {
  const usage = { prompt: 0, completion: 0 };
  const first = await call(model, options.purpose, messages, options, usage);
  if (!first.ok) return { ...first, usage };
  const parsed = options.parse(first.content);
  if (parsed.ok) return { ok: true, value: parsed.value, model: first.model, conversation: [...messages, assistant(first.content)], usage };
  const repairMessages = [...messages, assistant(clipMiddle(first.content, REPAIR_QUOTE_CHARS)), { role: "user", content: renderTemplate("repair-json", { error: parsed.error }) }];
  const second = await call(model, `${options.purpose}:repair_json`, repairMessages, options, usage);
  if (!second.ok) return { ...second, usage };
  const reparsed = options.parse(second.content);
  if (reparsed.ok) return { ok: true, value: reparsed.value, model: second.model, conversation: [...repairMessages, assistant(second.content)], usage };
  return { ok: false, kind: "unusable", reason: `unusable model output after one repair request: ${reparsed.error}`, model: second.model, usage };
}
function assistant(content) {
  return { role: "assistant", content };
}
async function call(model, purpose, messages, options, usage) {
  try {
    const response = await model.chat({ purpose, messages, maxTokens: options.maxTokens, temperature: options.temperature, jsonSchema: options.jsonSchema });
    usage.prompt += response.usage.prompt_tokens;
    usage.completion += response.usage.completion_tokens;
    return { ok: true, content: response.content, model: response.model };
  } catch (error) {
    if (error instanceof BudgetExceededError) return { ok: false, kind: "budget", reason: error.message, model: null };
    if (error instanceof ModelError) {
      const tried = error.attempts.map((attempt) => `${attempt.model}: ${attempt.error}`).join("; ");
      return { ok: false, kind: "model", reason: `${error.message}${tried ? ` (${tried})` : ""}`, model: error.attempts.at(-1)?.model ?? null };
    }
    throw error;
  }
}

// src/jobs/propose/localize.ts
var MAX_LISTED = 600;
var MAP_TOKENS = 3e3;
var WHY_CHARS = 200;
var LOCALIZE_SCHEMA = {
  name: "localization",
  schema: {
    type: "object",
    additionalProperties: false,
    required: ["files"],
    properties: {
      files: {
        type: "array",
        items: { type: "object", additionalProperties: false, required: ["path", "why"], properties: { path: { type: "string" }, why: { type: "string" } } }
      }
    }
  }
};
function parseLocalization(text, paths, maxFiles) {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end < start) return { ok: false, error: "no JSON object in the answer" };
  let data;
  try {
    data = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, error: `invalid JSON: ${error.message}` };
  }
  const files = data?.files;
  if (!Array.isArray(files)) return { ok: false, error: 'the answer must be {"files": [{"path", "why"}]}' };
  const chosen = [];
  for (const entry of files) {
    if (chosen.length >= maxFiles) break;
    if (typeof entry !== "object" || entry === null) continue;
    const raw = entry.path;
    if (typeof raw !== "string") continue;
    const path2 = raw.trim().replace(/^\.\//, "");
    if (!paths.has(path2) || chosen.some((file) => file.path === path2)) continue;
    const why = entry.why;
    chosen.push({ path: path2, why: typeof why === "string" && why.trim() ? why.trim().slice(0, WHY_CHARS) : "chosen by the localization model" });
  }
  return { ok: true, value: chosen };
}
function buildLocalizeMessages(gap, files, selection, options) {
  const paths = files.map((file) => file.path);
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const relevant = selection.ranking.slice(0, 12).map((entry, i) => {
    const content = byPath.get(entry.path);
    return i < 8 && content !== void 0 && (options.mayOutline?.({ path: entry.path, content }) ?? true) ? { path: entry.path, outline: outlineOf(entry.path, content, { maxImports: 0 }) } : { path: entry.path };
  });
  const map = repoMap({ paths, relevant, maxTokens: MAP_TOKENS });
  const listed = paths.slice(0, MAX_LISTED);
  const system = renderTemplate("localize-system", { max_files: options.maxFiles });
  const user = renderTemplate("localize-user", {
    gap_id: gap.id,
    prd_path: options.prdPath,
    gap_line: gap.line,
    gap_section: gap.section.length > 0 ? gap.section.join(" > ") : "(top level)",
    gap_text: gap.text,
    gap_context: gap.context,
    file_count: paths.length,
    file_clipped: paths.length > listed.length ? `, the first ${listed.length} shown` : "",
    file_list: listed.join("\n") || "(none)",
    repo_map: map.text || "(none)",
    max_files: options.maxFiles
  });
  return [
    { role: "system", content: system },
    { role: "user", content: user }
  ];
}
async function localizeFiles(model, messages, paths, options) {
  const answer = await askStructured(model, messages, {
    purpose: "localize",
    maxTokens: options.maxTokens,
    temperature: options.temperature,
    jsonSchema: LOCALIZE_SCHEMA,
    parse: (text) => parseLocalization(text, paths, options.maxFiles)
  });
  if (!answer.ok) {
    const what = answer.kind === "budget" ? "over budget" : answer.kind === "model" ? "the call failed" : "the answer was unusable";
    return { ok: false, files: [], model: answer.model, tokens: answer.usage, fallback: `${what}: ${answer.reason}; the normal selection was used` };
  }
  if (answer.value.length === 0) {
    return { ok: false, files: [], model: answer.model, tokens: answer.usage, fallback: "the answer named no file of the repository; the normal selection was used" };
  }
  return { ok: true, files: answer.value, model: answer.model, tokens: answer.usage };
}

// src/jobs/propose/cycle-prompt.ts
async function candidateFiles(workspace, protectedGlobs, maxFileBytes) {
  const isProtected = (0, import_picomatch2.default)(protectedGlobs, { dot: true, nocase: true });
  let total = 0;
  const withheld = [];
  const read = await workspace.readTrackedFiles((path2, bytes) => {
    if (isProtected(path2)) return false;
    const byName = secretPathReason(path2);
    if (byName !== void 0) {
      withheld.push({ path: path2, reason: byName });
      return false;
    }
    total += 1;
    return bytes <= maxFileBytes;
  });
  return { files: read, total, withheld };
}
function secretIn(file) {
  const found = detectSecrets(file.content, { path: file.path })[0];
  return found === void 0 ? void 0 : `${found.kind} at line ${found.line}`;
}
async function buildProposePrompt(workspace, input) {
  const { gap, config } = input;
  const candidates = await candidateFiles(workspace, input.protectedGlobs, config.policy.max_file_bytes);
  const index = SymbolIndex.load(input.state ? await input.state.read(SYMBOL_INDEX_PATH) : void 0);
  const limits = {
    maxTokens: config.context.max_tokens,
    maxFiles: config.context.max_files,
    maxFileBytes: config.policy.max_file_bytes,
    mapShare: config.context.map_share,
    index,
    pinned: input.pinned
  };
  let pool = candidates.files;
  let embeddings;
  if (input.embedder && input.state && config.context.embed) {
    const ranked = await semanticRanking(input.state, input.embedder, gap, pool);
    embeddings = { model: input.embedder.id, embedded: ranked.embedded, ...ranked.fallback ? { fallback: ranked.fallback } : {} };
    if (ranked.paths.length > 0) Object.assign(limits, { semantic: ranked.paths });
  }
  let selected = selectContext(gap, pool, limits);
  let localization;
  if (input.localize) {
    const messages = buildLocalizeMessages(gap, pool, selected, {
      prdPath: config.prd.path,
      maxFiles: config.context.max_files,
      // An outline is file text: one of a file holding a secret is never sent.
      mayOutline: (file) => secretIn(file) === void 0
    });
    localization = await input.localize(messages, new Set(pool.map((file) => file.path)));
    if (localization.ok) {
      limits.pinned = [...localization.files, ...input.pinned ?? []];
      selected = selectContext(gap, pool, limits);
    }
  }
  for (; ; ) {
    const holding = selected.files.flatMap((file) => {
      const source = pool.find((f) => f.path === file.path);
      const reason = source === void 0 ? void 0 : secretIn(source);
      return reason === void 0 ? [] : [{ path: file.path, reason }];
    });
    if (holding.length === 0) break;
    candidates.withheld.push(...holding);
    const dropped = new Set(holding.map((file) => file.path));
    pool = pool.filter((file) => !dropped.has(file.path));
    selected = selectContext(gap, pool, limits);
  }
  if (input.state && index.changed > 0) await saveIndex(input.state, index, candidates.files, await workspace.headSha());
  const files = selected.files.map(renderFile).join("\n\n");
  const system = renderTemplate("propose-system", {
    max_files: config.policy.max_files,
    max_changed_lines: config.policy.max_changed_lines,
    test_rule: config.policy.require_test ? "- Include at least one test file (new or changed) that proves the change." : "- Add or update a test when the change can be tested.",
    protected: input.protectedGlobs.join(", ")
  });
  const prior = renderPriorAttempts(input.prior);
  const user = renderTemplate("propose-user", {
    gap_id: gap.id,
    prd_path: config.prd.path,
    gap_line: gap.line,
    gap_section: gap.section.length > 0 ? gap.section.join(" > ") : "(top level)",
    gap_text: gap.text,
    gap_context: gap.context,
    test_command: input.testCommand,
    prior_attempts: prior ? `
${prior}
` : "",
    file_count: selected.files.length,
    repo_file_count: candidates.total,
    files: files || "(no files selected)",
    repo_map: selected.map.text ? `
Repository map (what else exists):
${selected.map.text}
` : ""
  });
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: user }
    ],
    contextFiles: selected.files.map((file) => file.path),
    withheld: candidates.withheld,
    partialPaths: selected.files.filter((file) => file.partial).map((file) => file.path),
    selection: selected,
    ...localization ? { localization } : {},
    ...embeddings ? { embeddings } : {}
  };
}
function renderFile(file) {
  if (!file.partial) return `--- ${file.path}
${file.content}
--- end ${file.path}`;
  const ranges = (file.ranges ?? []).map((range) => `${range.start}-${range.end}`).join(", ");
  return `--- ${file.path} (partial: outline and lines ${ranges} of ${file.lines}; change it with edits only)
${file.content}
--- end ${file.path}`;
}
async function saveIndex(state, index, files, commit) {
  const text = index.save(files, commit);
  try {
    await state.transact(async (tx) => {
      tx.write(SYMBOL_INDEX_PATH, text);
    });
  } catch {
  }
}
var EMBED_CHARS = 8e3;
var SEMANTIC_TOP = 50;
async function semanticRanking(state, embedder, gap, files) {
  try {
    const items = files.map((file) => ({
      id: `file:${file.path}:${file.blob ?? createHash2("sha1").update(file.content).digest("hex")}`,
      path: file.path,
      text: `${file.path}
${file.content.slice(0, EMBED_CHARS)}`
    }));
    const { vectors, embedded } = await cachedVectors(state, embedder, items);
    const [query] = await embedder.embed([`${gap.text}
${gap.context}`.slice(0, EMBED_CHARS)]);
    if (!query) return { paths: [], embedded, fallback: "no query vector; BM25 alone was used" };
    const scored = items.flatMap((item) => {
      const vector = vectors.get(item.id);
      return vector ? [{ path: item.path, score: cosine(query, vector) }] : [];
    });
    scored.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
    return { paths: scored.slice(0, SEMANTIC_TOP).map((entry) => entry.path), embedded };
  } catch (error) {
    return { paths: [], embedded: 0, fallback: `embedding failed: ${error.message}; BM25 alone was used` };
  }
}

// src/jobs/propose/propose-cycle.ts
import { randomBytes } from "node:crypto";

// src/core/propose/render-pr-body.ts
var PR_MARKER = "<!-- prd-bot:gap=";
function renderPrTitle(summary, gapId) {
  const title = summary.replace(/\s+/g, " ").trim() || `Close PRD gap ${gapId}`;
  return `prd-bot: ${title.length > 100 ? `${title.slice(0, 99)}\u2026` : title}`;
}
function renderPrBody(input) {
  const counts = { ADD: 0, UPDATE: 0, NOOP: 0 };
  for (const file of input.files) counts[file.mode] += 1;
  const section = input.gap.section.length > 0 ? input.gap.section.join(" \u203A ") : "(top level)";
  const fileRows = input.files.map((file) => `| \`${file.path}\` | ${file.mode} |`);
  const seconds = (input.test.duration_ms / 1e3).toFixed(1);
  const record = input.recordUrl ? `[${input.cycleId}](${input.recordUrl})` : `\`${input.cycleId}\``;
  return [
    `${PR_MARKER}${input.gap.id} -->`,
    `## PRD gap \`${input.gap.id}\``,
    "",
    `> ${input.gap.text}`,
    "",
    `${input.prdPath}, line ${input.gap.line} \xB7 section: ${section}`,
    "",
    "## Rationale",
    "",
    input.rationale.trim() || input.summary,
    "",
    "## Changes",
    "",
    `ADD ${counts.ADD} \xB7 UPDATE ${counts.UPDATE} \xB7 NOOP ${counts.NOOP}`,
    "",
    "| file | mode |",
    "| --- | --- |",
    ...fileRows,
    "",
    "## Tests",
    "",
    `\`${input.test.command}\`: ${input.test.passed ? "passed" : "failed"} in ${seconds} s`,
    "",
    "## Cost",
    "",
    `model \`${input.model}\` \xB7 tokens ${input.tokens.total} (prompt ${input.tokens.prompt}, completion ${input.tokens.completion})`,
    "",
    `---`,
    `Draft opened by prd-bot, cycle ${record}. Review it like any other change; prd-bot never merges.`
  ].join("\n");
}

// src/adapters/model/recording.ts
function recordTranscript(client) {
  const transcript = { version: 1, exchanges: [] };
  const recording = {
    models: client.models,
    async chat(request, options) {
      const exchange = { purpose: request.purpose, request: requestOf(request, client.models.join(", ")), response: null };
      transcript.exchanges.push(exchange);
      try {
        const response = await client.chat(request, options);
        exchange.request.model = response.model;
        exchange.response = { ...response, usage: { ...response.usage } };
        return response;
      } catch (error) {
        exchange.error = errorText(error);
        throw error;
      }
    }
  };
  return { client: recording, transcript };
}
function requestOf(request, model) {
  return {
    model,
    // Copies: a caller that later edits its message array must not rewrite history.
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    max_tokens: request.maxTokens,
    ...request.jsonSchema ? { json_schema: request.jsonSchema.name } : {}
  };
}
function errorText(error) {
  if (error instanceof ModelError) return `ModelError: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `Error: ${String(error)}`;
}

// src/jobs/propose/ask-for-proposal.ts
async function askForProposal(model, messages, options) {
  const result = await askStructured(model, messages, {
    ...options,
    jsonSchema: { name: "proposal", schema: proposalJsonSchema },
    parse: (text) => {
      const parsed = parseProposal(text);
      return parsed.ok ? { ok: true, value: parsed.proposal } : parsed;
    }
  });
  if (!result.ok) return { ok: false, kind: result.kind, reason: result.reason, model: result.model };
  return { ok: true, proposal: result.value, model: result.model, conversation: result.conversation };
}

// src/jobs/propose/cycle-state.ts
var PHASE_FAILURE = {
  select: "error",
  model: "model_failed",
  apply: "apply_failed",
  test: "tests_failed",
  publish: "pr_failed"
};
var CycleState = class {
  constructor(cycleId, startedAt, version, dryRun, transcript) {
    this.cycleId = cycleId;
    this.startedAt = startedAt;
    this.version = version;
    this.dryRun = dryRun;
    this.transcript = transcript;
  }
  cycleId;
  startedAt;
  version;
  dryRun;
  transcript;
  base = null;
  gap = null;
  files = [];
  model = null;
  summary;
  attempts = 0;
  test = null;
  branch = null;
  commit = null;
  prUrl = null;
  prBody;
  phase = "select";
  timings = {};
  startedMs = performance.now();
  localized;
  embeddings;
  elapsed() {
    return Math.round(performance.now() - this.startedMs);
  }
  /** Run `fn` and add its duration to `timings[<name>_ms]`, so a record shows where a cycle's time went. */
  async timed(name, fn) {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      const key = `${name}_ms`;
      this.timings[key] = (this.timings[key] ?? 0) + Math.round(performance.now() - started);
    }
  }
  /**
   * The local part of the cycle (everything but waiting for a model or the tests, which have their own
   * timeouts) past `limitSeconds` (policy.local_deadline_seconds): the ending to return, else undefined.
   * Checked between steps, so a step that runs long ends the cycle at the next check.
   */
  pastLocalDeadline(limitSeconds) {
    const waited = (this.timings.model_ms ?? 0) + (this.timings.tests_ms ?? 0);
    const local = this.elapsed() - waited;
    if (local <= limitSeconds * 1e3) return void 0;
    return { outcome: this.failureOutcome(), reason: `the cycle's local work took ${local} ms, over policy.local_deadline_seconds (${limitSeconds}); stopped after the ${this.phase === "select" ? "context" : this.phase} step` };
  }
  /** Model calls made so far (answered or not). */
  get calls() {
    return this.transcript.exchanges.length;
  }
  failureOutcome() {
    return PHASE_FAILURE[this.phase];
  }
  /** Tokens spent so far, from the server-reported usage of every answered call. */
  get tokens() {
    let prompt = 0;
    let completion = 0;
    for (const exchange of this.transcript.exchanges) {
      prompt += exchange.response?.usage.prompt_tokens ?? 0;
      completion += exchange.response?.usage.completion_tokens ?? 0;
    }
    return { prompt, completion, total: prompt + completion };
  }
  finish(outcome, reason, finishedAt) {
    this.timings.total_ms = this.elapsed();
    const record = {
      cycle_id: this.cycleId,
      version: this.version,
      started_at: this.startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      outcome,
      reason,
      gap: this.gap ? { id: this.gap.id, text: this.gap.text, line: this.gap.line, section: this.gap.section } : null,
      files: this.files.map((file) => ({ path: file.path, mode: file.mode })),
      tokens: this.tokens,
      model: this.model,
      calls: this.transcript.exchanges.length,
      attempts: this.attempts,
      test: this.test,
      branch: this.branch,
      commit: this.commit,
      base: this.base,
      pr_url: this.prUrl,
      dry_run: this.dryRun,
      transcript: null,
      timings: this.timings
    };
    if (this.summary !== void 0) record.summary = this.summary;
    if (this.localized !== void 0) record.localized = this.localized;
    if (this.embeddings !== void 0) record.embeddings = this.embeddings;
    if (this.prBody !== void 0) record.pr_body = this.prBody;
    return record;
  }
};

// src/jobs/propose/touched-tree.ts
var TouchedTree = class {
  constructor(workspace, keep) {
    this.workspace = workspace;
    this.keep = keep;
  }
  workspace;
  keep;
  touched = false;
  ignoredBefore;
  written = /* @__PURE__ */ new Map();
  /** Call before anything is written or run in the checkout. */
  async beforeWrite() {
    if (this.touched) return;
    this.ignoredBefore = await this.workspace.ignoredFiles();
    this.touched = true;
  }
  /** The files an apply step planned (written or not): the first content seen of each is what comes back. */
  wrote(files) {
    for (const file of files) if (file.mode !== "NOOP" && !this.written.has(file.path)) this.written.set(file.path, file.before);
  }
  restore() {
    const written = [...this.written].map(([path2, before]) => ({ path: path2, before }));
    return this.workspace.restore(this.keep, { ...this.ignoredBefore ? { ignoredBefore: this.ignoredBefore } : {}, written });
  }
};

// src/jobs/shared/baseline-check.ts
import { createHash as createHash3 } from "node:crypto";

// src/jobs/shared/run-check.ts
var toldFallback = false;
async function runCheck(workspace, options) {
  const { test } = options;
  const run = await workspace.run(options.command, {
    timeoutMs: options.timeoutMs,
    tailBytes: options.tailBytes,
    sandbox: test.sandbox,
    network: test.network,
    allowEnv: test.env,
    denyEnv: options.secretEnv,
    protect: options.protect
  });
  if (run.sandboxNote && options.log && (!toldFallback || test.sandbox === "bubblewrap")) {
    toldFallback = true;
    options.log.warn(run.sandboxNote);
  }
  return run;
}
function providerKeyNames(config) {
  const names = Object.values(config.models.providers).flatMap((provider) => provider.api_key_env ? [provider.api_key_env] : []);
  return [.../* @__PURE__ */ new Set(["OPENAI_API_KEY", ...names])];
}

// src/jobs/shared/baseline-check.ts
var CACHED_TAIL = 4e3;
function baselinePath(tree, options) {
  const { test } = options;
  const settings = JSON.stringify([options.command, test.sandbox, test.network, [...test.env].sort()]);
  return `baselines/${tree}-${createHash3("sha256").update(settings).digest("hex").slice(0, 12)}.json`;
}
async function baselineCheck(workspace, state, options) {
  const tree = await workspace.headTree();
  const sha = await workspace.headSha();
  const file = baselinePath(tree, options);
  const cached = parseCached(await state.read(file).catch(() => void 0), tree, options.command);
  if (cached) return judge(cached, sha, true, file);
  const run = await runCheck(workspace, options);
  const record = {
    v: 1,
    tree,
    command: options.command,
    at: options.now().toISOString(),
    passed: run.passed,
    exit_code: run.exit_code,
    timed_out: run.timed_out,
    ...run.gitChanges ? { git_changes: run.gitChanges } : {},
    output_tail: run.output_tail.slice(-CACHED_TAIL)
  };
  if (!run.sandboxNote?.startsWith("bubblewrap required")) {
    await state.transact(async (tx) => tx.write(file, `${JSON.stringify(record, null, 2)}
`));
  }
  return judge({ ...record, run }, sha, false, file);
}
function judge(cached, sha, fromCache, file) {
  const run = cached.run ?? {
    command: cached.command,
    exit_code: cached.exit_code,
    timed_out: cached.timed_out,
    duration_ms: 0,
    output_tail: cached.output_tail,
    passed: cached.passed,
    ...cached.git_changes ? { gitChanges: cached.git_changes } : {}
  };
  if (cached.passed) return { ok: true, run: fromCache ? null : run, cached: fromCache };
  const how = cached.git_changes?.length ? `they change the git directory (${cached.git_changes.join(", ")})` : cached.timed_out ? "timed out" : `exited ${cached.exit_code ?? "without a code"}`;
  const last = lastLine(cached.output_tail);
  const when = fromCache ? ` (cached ${cached.at}; delete ${file} in the state store to run it again)` : "";
  return {
    ok: false,
    cached: fromCache,
    run,
    reason: `tests fail before any change at ${sha.slice(0, 12)}: ${cached.command} ${how}${last ? `: ${last}` : ""}${when}. Fix the suite on the default branch, or set test.command`
  };
}
function lastLine(output) {
  const lines = output.split("\n").map((line2) => line2.trim()).filter((line2) => line2 !== "");
  const line = lines.at(-1) ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}
function parseCached(text, tree, command) {
  if (!text) return void 0;
  try {
    const value = JSON.parse(text);
    if (value.v !== 1 || value.tree !== tree || value.command !== command || typeof value.passed !== "boolean") return void 0;
    return value;
  } catch {
    return void 0;
  }
}

// src/jobs/propose/propose-cycle.ts
async function proposeCycle(deps, options = {}) {
  const startedAt = deps.now();
  const cycleId = deps.newCycleId?.() ?? newCycleId(startedAt);
  const recorder = recordTranscript(routeLocalize(deps.model, deps.localizeModel));
  const run = new CycleState(cycleId, startedAt, deps.version, options.dryRun ?? false, recorder.transcript);
  const model = deps.model.free ? recorder.client : budgetedModelClient(recorder.client, { state: deps.state, limits: deps.config.budget, now: deps.now });
  const touch = new TouchedTree(deps.workspace, deps.ownPaths ?? []);
  let ending;
  const lock = await deps.workspace.lock({ waitMs: deps.config.test.lock_wait_seconds * 1e3 });
  try {
    run.base = { branch: await deps.workspace.currentBranch(), sha: await deps.workspace.headSha() };
    ending = lock.ok ? await runCycle(deps, options, run, model, touch) : { outcome: "skipped_policy", reason: lock.reason };
  } catch (error) {
    ending = { outcome: error instanceof LedgerError ? "error" : run.failureOutcome(), reason: `unexpected error: ${error.message}` };
  } finally {
    try {
      if (touch.touched) await run.timed("restore", () => touch.restore());
    } finally {
      if (lock.ok) await lock.release();
    }
  }
  const record = run.finish(ending.outcome, ending.reason, deps.now());
  if (recorder.transcript.exchanges.length > 0) record.transcript = transcriptPath(cycleId);
  await saveCycle(deps.state, record, record.transcript ? recorder.transcript : null);
  deps.log.info(`cycle ${cycleId}: ${record.outcome}: ${record.reason}`);
  return record;
}
async function runCycle(deps, options, run, model, touch) {
  const { workspace, config, log } = deps;
  if (config.paused) return { outcome: "skipped_pause", reason: "paused: true in the configuration" };
  if ((await workspace.resolveInside(config.pause_file)).ok && await workspace.readFile(config.pause_file) !== void 0) {
    return { outcome: "skipped_pause", reason: `pause file ${config.pause_file} is present; remove it to resume` };
  }
  const dirty = await workspace.dirtyPaths(deps.ownPaths ?? []);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 5).join(", ") + (dirty.length > 5 ? ` and ${dirty.length - 5} more` : "");
    return { outcome: "skipped_dirty_tree", reason: `uncommitted changes: ${shown}; commit or stash them first` };
  }
  const prd = await workspace.readFile(config.prd.path);
  if (prd === void 0) return { outcome: "skipped_no_gap", reason: `no PRD at ${config.prd.path} (set prd.path in the configuration)` };
  let gaps = openGaps(findGaps(prd, { tag: config.prd.tag }));
  if (options.since) {
    const before = await workspace.readFileAt(options.since, config.prd.path);
    gaps = openGaps(gapsSince(before, prd, config.prd.tag));
  }
  if (options.gapId) {
    const wanted = options.gapId;
    gaps = gaps.filter((gap2) => gap2.id === wanted || gap2.id.startsWith(wanted));
    if (gaps.length === 0) return { outcome: "skipped_no_gap", reason: `no open gap with id ${wanted} in ${config.prd.path}` };
  }
  if (gaps.length === 0) {
    const scope = options.since ? ` added or changed since ${options.since}` : "";
    return { outcome: "skipped_no_gap", reason: `no open ${config.prd.tag} gap${scope} in ${config.prd.path}` };
  }
  const events = await loadCycleEvents(deps.state);
  const gap = chooseGap(gaps, events, config.policy.give_up_after_failures);
  run.gap = gap;
  const prior = priorAttempts(events, gap.id);
  if (deps.publish) {
    const existing = await deps.publish.findExisting(gap);
    if (existing) return { outcome: "skipped_duplicate", reason: `an open PR already serves gap ${gap.id}: ${existing.url}` };
  }
  const testCommand = deps.testCommand ?? "";
  const baseRules = applyRules(config);
  run.timings.select_ms = run.elapsed();
  const prompt = await run.timed(
    "context",
    () => buildProposePrompt(workspace, {
      gap,
      config,
      protectedGlobs: baseRules.protectedGlobs,
      testCommand,
      prior,
      state: deps.state,
      ...deps.embedder ? { embedder: budgetedEmbedder(deps.embedder, { state: deps.state, limits: deps.config.budget, now: deps.now }) } : {},
      ...config.context.localize === "model" ? { localize: (messages, paths) => run.timed("model", () => localizeFiles(model, messages, paths, { maxFiles: config.context.max_files, maxTokens: LOCALIZE_OUTPUT_TOKENS, temperature: 0 })) } : {}
    })
  );
  if (prompt.embeddings) {
    run.embeddings = prompt.embeddings;
    if (prompt.embeddings.fallback) log.info(`embeddings: ${prompt.embeddings.fallback}`);
  }
  if (prompt.localization) {
    const found = prompt.localization;
    run.localized = { files: found.files, model: found.model, tokens: found.tokens, ...found.fallback ? { fallback: found.fallback } : {} };
    log.info(found.ok ? `localize: ${found.files.map((file) => file.path).join(", ")} (${found.model})` : `localize: ${found.fallback}`);
  }
  const rules = { ...baseRules, partialPaths: prompt.partialPaths };
  const late = run.pastLocalDeadline(config.policy.local_deadline_seconds);
  if (late) return late;
  if (prompt.withheld.length > 0) {
    const shown = prompt.withheld.slice(0, 5).map((file) => `${file.path} (${file.reason})`).join(", ");
    log.info(`context: ${prompt.withheld.length} file(s) kept out of the prompt as holding secrets: ${shown}${prompt.withheld.length > 5 ? ", \u2026" : ""}`);
  }
  const estimate = estimateRequestTokens({ purpose: "propose", messages: prompt.messages, maxTokens: config.models.max_output_tokens });
  const day = utcDay(deps.now());
  const budgetCheck = reserve(parseLedger(await deps.state.read(ledgerPath(day)), day), estimate, config.budget);
  if (!budgetCheck.ok && !deps.model.free) return { outcome: "skipped_cost", reason: budgetCheck.reason };
  const policy = shouldRunCycle(priorAttempts(events, gap.id, Infinity), config.policy.give_up_after_failures);
  if (!policy.ok) return { outcome: "skipped_policy", reason: `gap ${gap.id}: ${policy.reason}` };
  if (!deps.testCommand) {
    return { outcome: "skipped_policy", reason: "no test command: set test.command in the configuration (none could be detected)" };
  }
  const check = checkOptions(deps, testCommand);
  if (config.test.baseline) {
    await touch.beforeWrite();
    const baseline = await run.timed("baseline", () => log.group(`baseline tests: ${testCommand}`, () => baselineCheck(workspace, deps.state, { ...check, now: deps.now })));
    if (baseline.run) await run.timed("restore", () => touch.restore());
    if (!baseline.ok) {
      run.test = baseline.run;
      return { outcome: "skipped_policy", reason: baseline.reason };
    }
  }
  run.phase = "model";
  let answer = await run.timed("model", () => askForProposal(model, prompt.messages, askOptions(config, "propose")));
  let lastTest = null;
  for (let attempt = 1; ; attempt += 1) {
    run.attempts = attempt;
    if (!answer.ok) {
      run.model = answer.model ?? run.model;
      if (answer.kind === "budget") {
        if (attempt > 1) return testsFailed(lastTest, `no budget left for a repair round: ${answer.reason}`);
        if (run.calls > 0) return { outcome: "model_failed", reason: `the model's answer was unusable and no budget is left for the repair request: ${answer.reason}` };
        return { outcome: "skipped_cost", reason: answer.reason };
      }
      return { outcome: "model_failed", reason: answer.reason };
    }
    run.model = answer.model;
    run.summary = answer.proposal.summary;
    log.info(`attempt ${attempt}: ${answer.proposal.summary} (${answer.proposal.files.length} files, ${answer.model})`);
    run.phase = "apply";
    await touch.beforeWrite();
    const proposal = answer.proposal;
    const applied = await run.timed("apply", () => applyProposal(workspace, proposal, rules, true));
    run.files = applied.files;
    touch.wrote(applied.files);
    for (const file of applied.files) {
      if (file.tolerant_edits) log.info(`${file.path}: edits ${file.tolerant_edits.join(", ")} matched ignoring whitespace differences`);
    }
    if (!applied.ok) return { outcome: applied.outcome, reason: applied.reason };
    const slow = run.pastLocalDeadline(config.policy.local_deadline_seconds);
    if (slow) return slow;
    if (applied.files.every((file) => file.mode === "NOOP")) {
      return { outcome: "cycle_noop", reason: "every proposed file is identical to the current content" };
    }
    run.phase = "test";
    lastTest = await run.timed("tests", () => log.group(`tests: ${testCommand}`, () => runCheck(workspace, check)));
    run.test = lastTest;
    if (lastTest.gitChanges?.length) {
      return { outcome: "proposal_rejected", reason: `the tests changed the git directory or prd-bot's state (put back): ${lastTest.gitChanges.join(", ")}` };
    }
    if (lastTest.passed) return finishGreen(deps, options, run, gap, answer.proposal, applied.files, lastTest);
    await run.timed("restore", () => touch.restore());
    if (attempt >= config.policy.max_attempts) return testsFailed(lastTest, `still red after ${attempt} attempt(s)`);
    run.phase = "model";
    const repair = renderTemplate("repair-tests", {
      test_command: testCommand,
      exit_code: lastTest.exit_code ?? "none",
      timed_out: lastTest.timed_out ? `, timed out after ${config.test.timeout_seconds} s` : "",
      test_output: lastTest.output_tail.slice(-6e3)
    });
    const conversation = [...answer.conversation, { role: "user", content: repair }];
    answer = await run.timed("model", () => askForProposal(model, conversation, askOptions(config, "repair_tests")));
  }
}
async function finishGreen(deps, options, run, gap, proposal, files, test) {
  if (options.dryRun) return { outcome: "ok", reason: "dry run: tests green; nothing committed" };
  const late = run.pastLocalDeadline(deps.config.policy.local_deadline_seconds);
  if (late) return late;
  run.phase = "publish";
  const branch = `prd-bot/${gap.id}`;
  const written = files.filter((file) => file.mode !== "NOOP").map((file) => file.path);
  const title = renderPrTitle(proposal.summary, gap.id);
  const message = `${title}

PRD gap ${gap.id}: ${gap.text}

prd-bot cycle ${run.cycleId}`;
  const commit = await run.timed("commit", () => deps.workspace.commitToBranch(branch, written, message));
  run.branch = branch;
  run.commit = commit;
  const body = renderPrBody({
    gap,
    prdPath: deps.config.prd.path,
    summary: proposal.summary,
    rationale: proposal.rationale,
    files: files.map((file) => ({ path: file.path, mode: file.mode })),
    test,
    model: run.model ?? "unknown",
    tokens: run.tokens,
    cycleId: run.cycleId,
    recordUrl: deps.publish?.recordUrl?.(run.cycleId)
  });
  run.prBody = body;
  if (!deps.publish) return { outcome: "ok", reason: `tests green; committed ${commit.slice(0, 12)} on local branch ${branch}` };
  const publisher = deps.publish;
  const published = await run.timed("publish", () => publisher.publish({ gap, branch, commit, title, body }));
  if (!published.ok) return { outcome: published.outcome, reason: published.reason };
  run.prUrl = published.url;
  return { outcome: "ok", reason: `draft PR opened: ${published.url}` };
}
function checkOptions(deps, command) {
  const { config } = deps;
  return { command, timeoutMs: config.test.timeout_seconds * 1e3, test: config.test, secretEnv: providerKeyNames(config), protect: deps.ownPaths, log: deps.log };
}
function testsFailed(test, why) {
  if (!test) return { outcome: "tests_failed", reason: why };
  const how = test.timed_out ? "timed out" : `exited ${test.exit_code}`;
  return { outcome: "tests_failed", reason: `${test.command} ${how}; ${why}` };
}
function chooseGap(gaps, events, giveUpAfter) {
  const first = gaps[0];
  return gaps.find((gap) => shouldRunCycle(priorAttempts(events, gap.id, Infinity), giveUpAfter).ok) ?? first;
}
function applyRules(config) {
  const protectedGlobs = [.../* @__PURE__ */ new Set([...config.paths.protected, ...config.paths.extra_protected, config.prd.path, config.pause_file])];
  return { policy: config.policy, protectedGlobs, prdPath: config.prd.path };
}
var LOCALIZE_OUTPUT_TOKENS = 1e3;
function routeLocalize(model, localize) {
  if (!localize) return model;
  return {
    ...model,
    models: model.models,
    chat: (request, options) => (request.purpose === "localize" || request.purpose.startsWith("localize:") ? localize : model).chat(request, options)
  };
}
function askOptions(config, purpose) {
  return { purpose, maxTokens: config.models.max_output_tokens, temperature: config.models.temperature };
}
function newCycleId(at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

export {
  PR_MARKER,
  replaceSnippet,
  shouldRunCycle,
  applyProposal,
  parseProposal,
  askStructured,
  withIssueGap,
  buildProposePrompt,
  runCheck,
  providerKeyNames,
  baselineCheck,
  proposeCycle,
  applyRules
};
