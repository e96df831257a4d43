import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);
import {
  findGaps,
  gapsSince,
  openGaps
} from "./chunk-MMALM7FV.js";
import {
  BudgetExceededError,
  budgetedModelClient,
  countTokens,
  detectSecrets,
  estimateRequestTokens,
  extractJsonObjects,
  isTestCode,
  ledgerPath,
  parseLedger,
  renderTemplate,
  require_picomatch,
  reserve,
  secretPathReason,
  utcDay
} from "./chunk-7YAIYDVG.js";
import {
  clipMiddle,
  loadCycleEvents,
  priorAttempts,
  renderPriorAttempts,
  saveCycle,
  transcriptPath
} from "./chunk-BYGMBUYC.js";
import {
  ModelError
} from "./chunk-2IUJ6AXQ.js";
import {
  isFailure
} from "./chunk-XKPJ2TN5.js";
import {
  external_exports
} from "./chunk-VNYPXW4S.js";
import {
  NotTextError
} from "./chunk-CI6V2LSR.js";
import {
  __toESM
} from "./chunk-L5VG44FW.js";

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
  const last2 = lines[match.last + fileTrail];
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
    const end = last2.eol ? last2.contentEnd + last2.eol.length : last2.contentEnd;
    const before = lines.indexOf(first) - 1;
    const start = last2.eol || before < 0 ? first.start : first.start - lines[before].eol.length;
    return text.slice(0, start) + text.slice(end);
  }
  return text.slice(0, first.start) + body.join(eol) + text.slice(last2.contentEnd);
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
  let last2;
  for (const entry of ordered) {
    if (isFailure(entry.outcome)) {
      streak++;
      last2 = entry.outcome;
    } else if (!entry.outcome.startsWith("skipped_") && entry.outcome !== "error") {
      streak = 0;
    }
  }
  if (streak > 0 && streak >= giveUpAfter) {
    return {
      ok: false,
      reason: `the gap failed ${streak} cycles in a row (last: ${last2}); policy.give_up_after_failures is ${giveUpAfter}. Reword the gap or raise the limit to try again`
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
var REPAIR_QUOTE_CHARS = 4e3;
async function askForProposal(model, messages, options) {
  const jsonSchema = { name: "proposal", schema: proposalJsonSchema };
  const first = await call(model, { ...options, messages, jsonSchema });
  if (!first.ok) return first;
  const parsed = parseProposal(first.content);
  if (parsed.ok) {
    return { ok: true, proposal: parsed.proposal, model: first.model, conversation: [...messages, assistant(first.content)] };
  }
  const repairMessages = [...messages, assistant(clipMiddle(first.content, REPAIR_QUOTE_CHARS)), { role: "user", content: renderTemplate("repair-json", { error: parsed.error }) }];
  const second = await call(model, { ...options, purpose: `${options.purpose}:repair_json`, messages: repairMessages, jsonSchema });
  if (!second.ok) return second;
  const reparsed = parseProposal(second.content);
  if (reparsed.ok) {
    return { ok: true, proposal: reparsed.proposal, model: second.model, conversation: [...repairMessages, assistant(second.content)] };
  }
  return { ok: false, kind: "unusable", reason: `unusable model output after one repair request: ${reparsed.error}`, model: second.model };
}
function assistant(content) {
  return { role: "assistant", content };
}
async function call(model, request) {
  try {
    const response = await model.chat({
      purpose: request.purpose,
      messages: request.messages,
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      jsonSchema: request.jsonSchema
    });
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

// src/jobs/propose/cycle-prompt.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// node_modules/minisearch/dist/es/index.js
var ENTRIES = "ENTRIES";
var KEYS = "KEYS";
var VALUES = "VALUES";
var LEAF = "";
var TreeIterator = class {
  constructor(set, type) {
    const node = set._tree;
    const keys = Array.from(node.keys());
    this.set = set;
    this._type = type;
    this._path = keys.length > 0 ? [{ node, keys }] : [];
  }
  next() {
    const value = this.dive();
    this.backtrack();
    return value;
  }
  dive() {
    if (this._path.length === 0) {
      return { done: true, value: void 0 };
    }
    const { node, keys } = last$1(this._path);
    if (last$1(keys) === LEAF) {
      return { done: false, value: this.result() };
    }
    const child = node.get(last$1(keys));
    this._path.push({ node: child, keys: Array.from(child.keys()) });
    return this.dive();
  }
  backtrack() {
    if (this._path.length === 0) {
      return;
    }
    const keys = last$1(this._path).keys;
    keys.pop();
    if (keys.length > 0) {
      return;
    }
    this._path.pop();
    this.backtrack();
  }
  key() {
    return this.set._prefix + this._path.map(({ keys }) => last$1(keys)).filter((key) => key !== LEAF).join("");
  }
  value() {
    return last$1(this._path).node.get(LEAF);
  }
  result() {
    switch (this._type) {
      case VALUES:
        return this.value();
      case KEYS:
        return this.key();
      default:
        return [this.key(), this.value()];
    }
  }
  [Symbol.iterator]() {
    return this;
  }
};
var last$1 = (array) => {
  return array[array.length - 1];
};
var fuzzySearch = (node, query, maxDistance) => {
  const results = /* @__PURE__ */ new Map();
  if (query === void 0)
    return results;
  const n = query.length + 1;
  const m = n + maxDistance;
  const matrix = new Uint8Array(m * n).fill(maxDistance + 1);
  for (let j = 0; j < n; ++j)
    matrix[j] = j;
  for (let i = 1; i < m; ++i)
    matrix[i * n] = i;
  recurse(node, query, maxDistance, results, matrix, 1, n, "");
  return results;
};
var recurse = (node, query, maxDistance, results, matrix, m, n, prefix) => {
  const offset = m * n;
  key: for (const key of node.keys()) {
    if (key === LEAF) {
      const distance = matrix[offset - 1];
      if (distance <= maxDistance) {
        results.set(prefix, [node.get(key), distance]);
      }
    } else {
      let i = m;
      for (let pos = 0; pos < key.length; ++pos, ++i) {
        const char = key[pos];
        const thisRowOffset = n * i;
        const prevRowOffset = thisRowOffset - n;
        let minDistance = matrix[thisRowOffset];
        const jmin = Math.max(0, i - maxDistance - 1);
        const jmax = Math.min(n - 1, i + maxDistance);
        for (let j = jmin; j < jmax; ++j) {
          const different = char !== query[j];
          const rpl = matrix[prevRowOffset + j] + +different;
          const del = matrix[prevRowOffset + j + 1] + 1;
          const ins = matrix[thisRowOffset + j] + 1;
          const dist = matrix[thisRowOffset + j + 1] = Math.min(rpl, del, ins);
          if (dist < minDistance)
            minDistance = dist;
        }
        if (minDistance > maxDistance) {
          continue key;
        }
      }
      recurse(node.get(key), query, maxDistance, results, matrix, i, n, prefix + key);
    }
  }
};
var SearchableMap = class _SearchableMap {
  /**
   * The constructor is normally called without arguments, creating an empty
   * map. In order to create a {@link SearchableMap} from an iterable or from an
   * object, check {@link SearchableMap.from} and {@link
   * SearchableMap.fromObject}.
   *
   * The constructor arguments are for internal use, when creating derived
   * mutable views of a map at a prefix.
   */
  constructor(tree = /* @__PURE__ */ new Map(), prefix = "") {
    this._size = void 0;
    this._tree = tree;
    this._prefix = prefix;
  }
  /**
   * Creates and returns a mutable view of this {@link SearchableMap},
   * containing only entries that share the given prefix.
   *
   * ### Usage:
   *
   * ```javascript
   * let map = new SearchableMap()
   * map.set("unicorn", 1)
   * map.set("universe", 2)
   * map.set("university", 3)
   * map.set("unique", 4)
   * map.set("hello", 5)
   *
   * let uni = map.atPrefix("uni")
   * uni.get("unique") // => 4
   * uni.get("unicorn") // => 1
   * uni.get("hello") // => undefined
   *
   * let univer = map.atPrefix("univer")
   * univer.get("unique") // => undefined
   * univer.get("universe") // => 2
   * univer.get("university") // => 3
   * ```
   *
   * @param prefix  The prefix
   * @return A {@link SearchableMap} representing a mutable view of the original
   * Map at the given prefix
   */
  atPrefix(prefix) {
    if (!prefix.startsWith(this._prefix)) {
      throw new Error("Mismatched prefix");
    }
    const [node, path2] = trackDown(this._tree, prefix.slice(this._prefix.length));
    if (node === void 0) {
      const [parentNode, key] = last(path2);
      for (const k of parentNode.keys()) {
        if (k !== LEAF && k.startsWith(key)) {
          const node2 = /* @__PURE__ */ new Map();
          node2.set(k.slice(key.length), parentNode.get(k));
          return new _SearchableMap(node2, prefix);
        }
      }
    }
    return new _SearchableMap(node, prefix);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/clear
   */
  clear() {
    this._size = void 0;
    this._tree.clear();
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/delete
   * @param key  Key to delete
   */
  delete(key) {
    this._size = void 0;
    return remove(this._tree, key);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/entries
   * @return An iterator iterating through `[key, value]` entries.
   */
  entries() {
    return new TreeIterator(this, ENTRIES);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/forEach
   * @param fn  Iteration function
   */
  forEach(fn) {
    for (const [key, value] of this) {
      fn(key, value, this);
    }
  }
  /**
   * Returns a Map of all the entries that have a key within the given edit
   * distance from the search key. The keys of the returned Map are the matching
   * keys, while the values are two-element arrays where the first element is
   * the value associated to the key, and the second is the edit distance of the
   * key to the search key.
   *
   * ### Usage:
   *
   * ```javascript
   * let map = new SearchableMap()
   * map.set('hello', 'world')
   * map.set('hell', 'yeah')
   * map.set('ciao', 'mondo')
   *
   * // Get all entries that match the key 'hallo' with a maximum edit distance of 2
   * map.fuzzyGet('hallo', 2)
   * // => Map(2) { 'hello' => ['world', 1], 'hell' => ['yeah', 2] }
   *
   * // In the example, the "hello" key has value "world" and edit distance of 1
   * // (change "e" to "a"), the key "hell" has value "yeah" and edit distance of 2
   * // (change "e" to "a", delete "o")
   * ```
   *
   * @param key  The search key
   * @param maxEditDistance  The maximum edit distance (Levenshtein)
   * @return A Map of the matching keys to their value and edit distance
   */
  fuzzyGet(key, maxEditDistance) {
    return fuzzySearch(this._tree, key, maxEditDistance);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/get
   * @param key  Key to get
   * @return Value associated to the key, or `undefined` if the key is not
   * found.
   */
  get(key) {
    const node = lookup(this._tree, key);
    return node !== void 0 ? node.get(LEAF) : void 0;
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/has
   * @param key  Key
   * @return True if the key is in the map, false otherwise
   */
  has(key) {
    const node = lookup(this._tree, key);
    return node !== void 0 && node.has(LEAF);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/keys
   * @return An `Iterable` iterating through keys
   */
  keys() {
    return new TreeIterator(this, KEYS);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/set
   * @param key  Key to set
   * @param value  Value to associate to the key
   * @return The {@link SearchableMap} itself, to allow chaining
   */
  set(key, value) {
    if (typeof key !== "string") {
      throw new Error("key must be a string");
    }
    this._size = void 0;
    const node = createPath(this._tree, key);
    node.set(LEAF, value);
    return this;
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/size
   */
  get size() {
    if (this._size) {
      return this._size;
    }
    this._size = 0;
    const iter = this.entries();
    while (!iter.next().done)
      this._size += 1;
    return this._size;
  }
  /**
   * Updates the value at the given key using the provided function. The function
   * is called with the current value at the key, and its return value is used as
   * the new value to be set.
   *
   * ### Example:
   *
   * ```javascript
   * // Increment the current value by one
   * searchableMap.update('somekey', (currentValue) => currentValue == null ? 0 : currentValue + 1)
   * ```
   *
   * If the value at the given key is or will be an object, it might not require
   * re-assignment. In that case it is better to use `fetch()`, because it is
   * faster.
   *
   * @param key  The key to update
   * @param fn  The function used to compute the new value from the current one
   * @return The {@link SearchableMap} itself, to allow chaining
   */
  update(key, fn) {
    if (typeof key !== "string") {
      throw new Error("key must be a string");
    }
    this._size = void 0;
    const node = createPath(this._tree, key);
    node.set(LEAF, fn(node.get(LEAF)));
    return this;
  }
  /**
   * Fetches the value of the given key. If the value does not exist, calls the
   * given function to create a new value, which is inserted at the given key
   * and subsequently returned.
   *
   * ### Example:
   *
   * ```javascript
   * const map = searchableMap.fetch('somekey', () => new Map())
   * map.set('foo', 'bar')
   * ```
   *
   * @param key  The key to update
   * @param initial  A function that creates a new value if the key does not exist
   * @return The existing or new value at the given key
   */
  fetch(key, initial) {
    if (typeof key !== "string") {
      throw new Error("key must be a string");
    }
    this._size = void 0;
    const node = createPath(this._tree, key);
    let value = node.get(LEAF);
    if (value === void 0) {
      node.set(LEAF, value = initial());
    }
    return value;
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/values
   * @return An `Iterable` iterating through values.
   */
  values() {
    return new TreeIterator(this, VALUES);
  }
  /**
   * @see https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Map/@@iterator
   */
  [Symbol.iterator]() {
    return this.entries();
  }
  /**
   * Creates a {@link SearchableMap} from an `Iterable` of entries
   *
   * @param entries  Entries to be inserted in the {@link SearchableMap}
   * @return A new {@link SearchableMap} with the given entries
   */
  static from(entries) {
    const tree = new _SearchableMap();
    for (const [key, value] of entries) {
      tree.set(key, value);
    }
    return tree;
  }
  /**
   * Creates a {@link SearchableMap} from the iterable properties of a JavaScript object
   *
   * @param object  Object of entries for the {@link SearchableMap}
   * @return A new {@link SearchableMap} with the given entries
   */
  static fromObject(object) {
    return _SearchableMap.from(Object.entries(object));
  }
};
var trackDown = (tree, key, path2 = []) => {
  if (key.length === 0 || tree == null) {
    return [tree, path2];
  }
  for (const k of tree.keys()) {
    if (k !== LEAF && key.startsWith(k)) {
      path2.push([tree, k]);
      return trackDown(tree.get(k), key.slice(k.length), path2);
    }
  }
  path2.push([tree, key]);
  return trackDown(void 0, "", path2);
};
var lookup = (tree, key) => {
  if (key.length === 0 || tree == null) {
    return tree;
  }
  for (const k of tree.keys()) {
    if (k !== LEAF && key.startsWith(k)) {
      return lookup(tree.get(k), key.slice(k.length));
    }
  }
};
var createPath = (node, key) => {
  const keyLength = key.length;
  outer: for (let pos = 0; node && pos < keyLength; ) {
    for (const k of node.keys()) {
      if (k !== LEAF && key[pos] === k[0]) {
        const len = Math.min(keyLength - pos, k.length);
        let offset = 1;
        while (offset < len && key[pos + offset] === k[offset])
          ++offset;
        const child2 = node.get(k);
        if (offset === k.length) {
          node = child2;
        } else {
          const intermediate = /* @__PURE__ */ new Map();
          intermediate.set(k.slice(offset), child2);
          node.set(key.slice(pos, pos + offset), intermediate);
          node.delete(k);
          node = intermediate;
        }
        pos += offset;
        continue outer;
      }
    }
    const child = /* @__PURE__ */ new Map();
    node.set(key.slice(pos), child);
    return child;
  }
  return node;
};
var remove = (tree, key) => {
  const [node, path2] = trackDown(tree, key);
  if (node === void 0) {
    return;
  }
  node.delete(LEAF);
  if (node.size === 0) {
    cleanup(path2);
  } else if (node.size === 1) {
    const [key2, value] = node.entries().next().value;
    merge(path2, key2, value);
  }
};
var cleanup = (path2) => {
  if (path2.length === 0) {
    return;
  }
  const [node, key] = last(path2);
  node.delete(key);
  if (node.size === 0) {
    cleanup(path2.slice(0, -1));
  } else if (node.size === 1) {
    const [key2, value] = node.entries().next().value;
    if (key2 !== LEAF) {
      merge(path2.slice(0, -1), key2, value);
    }
  }
};
var merge = (path2, key, value) => {
  if (path2.length === 0) {
    return;
  }
  const [node, nodeKey] = last(path2);
  node.set(nodeKey + key, value);
  node.delete(nodeKey);
};
var last = (array) => {
  return array[array.length - 1];
};
var OR = "or";
var AND = "and";
var AND_NOT = "and_not";
var MiniSearch = class _MiniSearch {
  /**
   * @param options  Configuration options
   *
   * ### Examples:
   *
   * ```javascript
   * // Create a search engine that indexes the 'title' and 'text' fields of your
   * // documents:
   * const miniSearch = new MiniSearch({ fields: ['title', 'text'] })
   * ```
   *
   * ### ID Field:
   *
   * ```javascript
   * // Your documents are assumed to include a unique 'id' field, but if you want
   * // to use a different field for document identification, you can set the
   * // 'idField' option:
   * const miniSearch = new MiniSearch({ idField: 'key', fields: ['title', 'text'] })
   * ```
   *
   * ### Options and defaults:
   *
   * ```javascript
   * // The full set of options (here with their default value) is:
   * const miniSearch = new MiniSearch({
   *   // idField: field that uniquely identifies a document
   *   idField: 'id',
   *
   *   // extractField: function used to get the value of a field in a document.
   *   // By default, it assumes the document is a flat object with field names as
   *   // property keys and field values as string property values, but custom logic
   *   // can be implemented by setting this option to a custom extractor function.
   *   extractField: (document, fieldName) => document[fieldName],
   *
   *   // tokenize: function used to split fields into individual terms. By
   *   // default, it is also used to tokenize search queries, unless a specific
   *   // `tokenize` search option is supplied. When tokenizing an indexed field,
   *   // the field name is passed as the second argument.
   *   tokenize: (string, _fieldName) => string.split(SPACE_OR_PUNCTUATION),
   *
   *   // processTerm: function used to process each tokenized term before
   *   // indexing. It can be used for stemming and normalization. Return a falsy
   *   // value in order to discard a term. By default, it is also used to process
   *   // search queries, unless a specific `processTerm` option is supplied as a
   *   // search option. When processing a term from a indexed field, the field
   *   // name is passed as the second argument.
   *   processTerm: (term, _fieldName) => term.toLowerCase(),
   *
   *   // searchOptions: default search options, see the `search` method for
   *   // details
   *   searchOptions: undefined,
   *
   *   // fields: document fields to be indexed. Mandatory, but not set by default
   *   fields: undefined
   *
   *   // storeFields: document fields to be stored and returned as part of the
   *   // search results.
   *   storeFields: []
   * })
   * ```
   */
  constructor(options) {
    if ((options === null || options === void 0 ? void 0 : options.fields) == null) {
      throw new Error('MiniSearch: option "fields" must be provided');
    }
    const autoVacuum = options.autoVacuum == null || options.autoVacuum === true ? defaultAutoVacuumOptions : options.autoVacuum;
    this._options = {
      ...defaultOptions,
      ...options,
      autoVacuum,
      searchOptions: { ...defaultSearchOptions, ...options.searchOptions || {} },
      autoSuggestOptions: { ...defaultAutoSuggestOptions, ...options.autoSuggestOptions || {} }
    };
    this._index = new SearchableMap();
    this._documentCount = 0;
    this._documentIds = /* @__PURE__ */ new Map();
    this._idToShortId = /* @__PURE__ */ new Map();
    this._fieldIds = {};
    this._fieldLength = /* @__PURE__ */ new Map();
    this._avgFieldLength = [];
    this._nextId = 0;
    this._storedFields = /* @__PURE__ */ new Map();
    this._dirtCount = 0;
    this._currentVacuum = null;
    this._enqueuedVacuum = null;
    this._enqueuedVacuumConditions = defaultVacuumConditions;
    this.addFields(this._options.fields);
  }
  /**
   * Adds a document to the index
   *
   * @param document  The document to be indexed
   */
  add(document) {
    const { extractField, stringifyField, tokenize: tokenize2, processTerm, fields, idField } = this._options;
    const id = extractField(document, idField);
    if (id == null) {
      throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    }
    if (this._idToShortId.has(id)) {
      throw new Error(`MiniSearch: duplicate ID ${id}`);
    }
    const shortDocumentId = this.addDocumentId(id);
    this.saveStoredFields(shortDocumentId, document);
    for (const field of fields) {
      const fieldValue = extractField(document, field);
      if (fieldValue == null)
        continue;
      const tokens = tokenize2(stringifyField(fieldValue, field), field);
      const fieldId = this._fieldIds[field];
      const uniqueTerms = new Set(tokens).size;
      this.addFieldLength(shortDocumentId, fieldId, this._documentCount - 1, uniqueTerms);
      for (const term of tokens) {
        const processedTerm = processTerm(term, field);
        if (Array.isArray(processedTerm)) {
          for (const t of processedTerm) {
            this.addTerm(fieldId, shortDocumentId, t);
          }
        } else if (processedTerm) {
          this.addTerm(fieldId, shortDocumentId, processedTerm);
        }
      }
    }
  }
  /**
   * Adds all the given documents to the index
   *
   * @param documents  An array of documents to be indexed
   */
  addAll(documents) {
    for (const document of documents)
      this.add(document);
  }
  /**
   * Adds all the given documents to the index asynchronously.
   *
   * Returns a promise that resolves (to `undefined`) when the indexing is done.
   * This method is useful when index many documents, to avoid blocking the main
   * thread. The indexing is performed asynchronously and in chunks.
   *
   * @param documents  An array of documents to be indexed
   * @param options  Configuration options
   * @return A promise resolving to `undefined` when the indexing is done
   */
  addAllAsync(documents, options = {}) {
    const { chunkSize = 10 } = options;
    const acc = { chunk: [], promise: Promise.resolve() };
    const { chunk, promise } = documents.reduce(({ chunk: chunk2, promise: promise2 }, document, i) => {
      chunk2.push(document);
      if ((i + 1) % chunkSize === 0) {
        return {
          chunk: [],
          promise: promise2.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => this.addAll(chunk2))
        };
      } else {
        return { chunk: chunk2, promise: promise2 };
      }
    }, acc);
    return promise.then(() => this.addAll(chunk));
  }
  /**
   * Removes the given document from the index.
   *
   * The document to remove must NOT have changed between indexing and removal,
   * otherwise the index will be corrupted.
   *
   * This method requires passing the full document to be removed (not just the
   * ID), and immediately removes the document from the inverted index, allowing
   * memory to be released. A convenient alternative is {@link
   * MiniSearch#discard}, which needs only the document ID, and has the same
   * visible effect, but delays cleaning up the index until the next vacuuming.
   *
   * @param document  The document to be removed
   */
  remove(document) {
    const { tokenize: tokenize2, processTerm, extractField, stringifyField, fields, idField } = this._options;
    const id = extractField(document, idField);
    if (id == null) {
      throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    }
    const shortId = this._idToShortId.get(id);
    if (shortId == null) {
      throw new Error(`MiniSearch: cannot remove document with ID ${id}: it is not in the index`);
    }
    for (const field of fields) {
      const fieldValue = extractField(document, field);
      if (fieldValue == null)
        continue;
      const tokens = tokenize2(stringifyField(fieldValue, field), field);
      const fieldId = this._fieldIds[field];
      const uniqueTerms = new Set(tokens).size;
      this.removeFieldLength(shortId, fieldId, this._documentCount, uniqueTerms);
      for (const term of tokens) {
        const processedTerm = processTerm(term, field);
        if (Array.isArray(processedTerm)) {
          for (const t of processedTerm) {
            this.removeTerm(fieldId, shortId, t);
          }
        } else if (processedTerm) {
          this.removeTerm(fieldId, shortId, processedTerm);
        }
      }
    }
    this._storedFields.delete(shortId);
    this._documentIds.delete(shortId);
    this._idToShortId.delete(id);
    this._fieldLength.delete(shortId);
    this._documentCount -= 1;
  }
  /**
   * Removes all the given documents from the index. If called with no arguments,
   * it removes _all_ documents from the index.
   *
   * @param documents  The documents to be removed. If this argument is omitted,
   * all documents are removed. Note that, for removing all documents, it is
   * more efficient to call this method with no arguments than to pass all
   * documents.
   */
  removeAll(documents) {
    if (documents) {
      for (const document of documents)
        this.remove(document);
    } else if (arguments.length > 0) {
      throw new Error("Expected documents to be present. Omit the argument to remove all documents.");
    } else {
      this._index = new SearchableMap();
      this._documentCount = 0;
      this._documentIds = /* @__PURE__ */ new Map();
      this._idToShortId = /* @__PURE__ */ new Map();
      this._fieldLength = /* @__PURE__ */ new Map();
      this._avgFieldLength = [];
      this._storedFields = /* @__PURE__ */ new Map();
      this._nextId = 0;
    }
  }
  /**
   * Discards the document with the given ID, so it won't appear in search results
   *
   * It has the same visible effect of {@link MiniSearch.remove} (both cause the
   * document to stop appearing in searches), but a different effect on the
   * internal data structures:
   *
   *   - {@link MiniSearch#remove} requires passing the full document to be
   *   removed as argument, and removes it from the inverted index immediately.
   *
   *   - {@link MiniSearch#discard} instead only needs the document ID, and
   *   works by marking the current version of the document as discarded, so it
   *   is immediately ignored by searches. This is faster and more convenient
   *   than {@link MiniSearch#remove}, but the index is not immediately
   *   modified. To take care of that, vacuuming is performed after a certain
   *   number of documents are discarded, cleaning up the index and allowing
   *   memory to be released.
   *
   * After discarding a document, it is possible to re-add a new version, and
   * only the new version will appear in searches. In other words, discarding
   * and re-adding a document works exactly like removing and re-adding it. The
   * {@link MiniSearch.replace} method can also be used to replace a document
   * with a new version.
   *
   * #### Details about vacuuming
   *
   * Repetite calls to this method would leave obsolete document references in
   * the index, invisible to searches. Two mechanisms take care of cleaning up:
   * clean up during search, and vacuuming.
   *
   *   - Upon search, whenever a discarded ID is found (and ignored for the
   *   results), references to the discarded document are removed from the
   *   inverted index entries for the search terms. This ensures that subsequent
   *   searches for the same terms do not need to skip these obsolete references
   *   again.
   *
   *   - In addition, vacuuming is performed automatically by default (see the
   *   `autoVacuum` field in {@link Options}) after a certain number of
   *   documents are discarded. Vacuuming traverses all terms in the index,
   *   cleaning up all references to discarded documents. Vacuuming can also be
   *   triggered manually by calling {@link MiniSearch#vacuum}.
   *
   * @param id  The ID of the document to be discarded
   */
  discard(id) {
    const shortId = this._idToShortId.get(id);
    if (shortId == null) {
      throw new Error(`MiniSearch: cannot discard document with ID ${id}: it is not in the index`);
    }
    this._idToShortId.delete(id);
    this._documentIds.delete(shortId);
    this._storedFields.delete(shortId);
    (this._fieldLength.get(shortId) || []).forEach((fieldLength, fieldId) => {
      this.removeFieldLength(shortId, fieldId, this._documentCount, fieldLength);
    });
    this._fieldLength.delete(shortId);
    this._documentCount -= 1;
    this._dirtCount += 1;
    this.maybeAutoVacuum();
  }
  maybeAutoVacuum() {
    if (this._options.autoVacuum === false) {
      return;
    }
    const { minDirtFactor, minDirtCount, batchSize, batchWait } = this._options.autoVacuum;
    this.conditionalVacuum({ batchSize, batchWait }, { minDirtCount, minDirtFactor });
  }
  /**
   * Discards the documents with the given IDs, so they won't appear in search
   * results
   *
   * It is equivalent to calling {@link MiniSearch#discard} for all the given
   * IDs, but with the optimization of triggering at most one automatic
   * vacuuming at the end.
   *
   * Note: to remove all documents from the index, it is faster and more
   * convenient to call {@link MiniSearch.removeAll} with no argument, instead
   * of passing all IDs to this method.
   */
  discardAll(ids) {
    const autoVacuum = this._options.autoVacuum;
    try {
      this._options.autoVacuum = false;
      for (const id of ids) {
        this.discard(id);
      }
    } finally {
      this._options.autoVacuum = autoVacuum;
    }
    this.maybeAutoVacuum();
  }
  /**
   * It replaces an existing document with the given updated version
   *
   * It works by discarding the current version and adding the updated one, so
   * it is functionally equivalent to calling {@link MiniSearch#discard}
   * followed by {@link MiniSearch#add}. The ID of the updated document should
   * be the same as the original one.
   *
   * Since it uses {@link MiniSearch#discard} internally, this method relies on
   * vacuuming to clean up obsolete document references from the index, allowing
   * memory to be released (see {@link MiniSearch#discard}).
   *
   * @param updatedDocument  The updated document to replace the old version
   * with
   */
  replace(updatedDocument) {
    const { idField, extractField } = this._options;
    const id = extractField(updatedDocument, idField);
    this.discard(id);
    this.add(updatedDocument);
  }
  /**
   * Triggers a manual vacuuming, cleaning up references to discarded documents
   * from the inverted index
   *
   * Vacuuming is only useful for applications that use the {@link
   * MiniSearch#discard} or {@link MiniSearch#replace} methods.
   *
   * By default, vacuuming is performed automatically when needed (controlled by
   * the `autoVacuum` field in {@link Options}), so there is usually no need to
   * call this method, unless one wants to make sure to perform vacuuming at a
   * specific moment.
   *
   * Vacuuming traverses all terms in the inverted index in batches, and cleans
   * up references to discarded documents from the posting list, allowing memory
   * to be released.
   *
   * The method takes an optional object as argument with the following keys:
   *
   *   - `batchSize`: the size of each batch (1000 by default)
   *
   *   - `batchWait`: the number of milliseconds to wait between batches (10 by
   *   default)
   *
   * On large indexes, vacuuming could have a non-negligible cost: batching
   * avoids blocking the thread for long, diluting this cost so that it is not
   * negatively affecting the application. Nonetheless, this method should only
   * be called when necessary, and relying on automatic vacuuming is usually
   * better.
   *
   * It returns a promise that resolves (to undefined) when the clean up is
   * completed. If vacuuming is already ongoing at the time this method is
   * called, a new one is enqueued immediately after the ongoing one, and a
   * corresponding promise is returned. However, no more than one vacuuming is
   * enqueued on top of the ongoing one, even if this method is called more
   * times (enqueuing multiple ones would be useless).
   *
   * @param options  Configuration options for the batch size and delay. See
   * {@link VacuumOptions}.
   */
  vacuum(options = {}) {
    return this.conditionalVacuum(options);
  }
  conditionalVacuum(options, conditions) {
    if (this._currentVacuum) {
      this._enqueuedVacuumConditions = this._enqueuedVacuumConditions && conditions;
      if (this._enqueuedVacuum != null) {
        return this._enqueuedVacuum;
      }
      this._enqueuedVacuum = this._currentVacuum.then(() => {
        const conditions2 = this._enqueuedVacuumConditions;
        this._enqueuedVacuumConditions = defaultVacuumConditions;
        return this.performVacuuming(options, conditions2);
      });
      return this._enqueuedVacuum;
    }
    if (this.vacuumConditionsMet(conditions) === false) {
      return Promise.resolve();
    }
    this._currentVacuum = this.performVacuuming(options);
    return this._currentVacuum;
  }
  async performVacuuming(options, conditions) {
    const initialDirtCount = this._dirtCount;
    if (this.vacuumConditionsMet(conditions)) {
      const batchSize = options.batchSize || defaultVacuumOptions.batchSize;
      const batchWait = options.batchWait || defaultVacuumOptions.batchWait;
      let i = 1;
      for (const [term, fieldsData] of this._index) {
        for (const [fieldId, fieldIndex] of fieldsData) {
          for (const [shortId] of fieldIndex) {
            if (this._documentIds.has(shortId)) {
              continue;
            }
            if (fieldIndex.size <= 1) {
              fieldsData.delete(fieldId);
            } else {
              fieldIndex.delete(shortId);
            }
          }
        }
        if (this._index.get(term).size === 0) {
          this._index.delete(term);
        }
        if (i % batchSize === 0) {
          await new Promise((resolve) => setTimeout(resolve, batchWait));
        }
        i += 1;
      }
      this._dirtCount -= initialDirtCount;
    }
    await null;
    this._currentVacuum = this._enqueuedVacuum;
    this._enqueuedVacuum = null;
  }
  vacuumConditionsMet(conditions) {
    if (conditions == null) {
      return true;
    }
    let { minDirtCount, minDirtFactor } = conditions;
    minDirtCount = minDirtCount || defaultAutoVacuumOptions.minDirtCount;
    minDirtFactor = minDirtFactor || defaultAutoVacuumOptions.minDirtFactor;
    return this.dirtCount >= minDirtCount && this.dirtFactor >= minDirtFactor;
  }
  /**
   * Is `true` if a vacuuming operation is ongoing, `false` otherwise
   */
  get isVacuuming() {
    return this._currentVacuum != null;
  }
  /**
   * The number of documents discarded since the most recent vacuuming
   */
  get dirtCount() {
    return this._dirtCount;
  }
  /**
   * A number between 0 and 1 giving an indication about the proportion of
   * documents that are discarded, and can therefore be cleaned up by vacuuming.
   * A value close to 0 means that the index is relatively clean, while a higher
   * value means that the index is relatively dirty, and vacuuming could release
   * memory.
   */
  get dirtFactor() {
    return this._dirtCount / (1 + this._documentCount + this._dirtCount);
  }
  /**
   * Returns `true` if a document with the given ID is present in the index and
   * available for search, `false` otherwise
   *
   * @param id  The document ID
   */
  has(id) {
    return this._idToShortId.has(id);
  }
  /**
   * Returns the stored fields (as configured in the `storeFields` constructor
   * option) for the given document ID. Returns `undefined` if the document is
   * not present in the index.
   *
   * @param id  The document ID
   */
  getStoredFields(id) {
    const shortId = this._idToShortId.get(id);
    if (shortId == null) {
      return void 0;
    }
    return this._storedFields.get(shortId);
  }
  /**
   * Search for documents matching the given search query.
   *
   * The result is a list of scored document IDs matching the query, sorted by
   * descending score, and each including data about which terms were matched and
   * in which fields.
   *
   * ### Basic usage:
   *
   * ```javascript
   * // Search for "zen art motorcycle" with default options: terms have to match
   * // exactly, and individual terms are joined with OR
   * miniSearch.search('zen art motorcycle')
   * // => [ { id: 2, score: 2.77258, match: { ... } }, { id: 4, score: 1.38629, match: { ... } } ]
   * ```
   *
   * ### Restrict search to specific fields:
   *
   * ```javascript
   * // Search only in the 'title' field
   * miniSearch.search('zen', { fields: ['title'] })
   * ```
   *
   * ### Field boosting:
   *
   * ```javascript
   * // Boost a field
   * miniSearch.search('zen', { boost: { title: 2 } })
   * ```
   *
   * ### Prefix search:
   *
   * ```javascript
   * // Search for "moto" with prefix search (it will match documents
   * // containing terms that start with "moto" or "neuro")
   * miniSearch.search('moto neuro', { prefix: true })
   * ```
   *
   * ### Fuzzy search:
   *
   * ```javascript
   * // Search for "ismael" with fuzzy search (it will match documents containing
   * // terms similar to "ismael", with a maximum edit distance of 0.2 term.length
   * // (rounded to nearest integer)
   * miniSearch.search('ismael', { fuzzy: 0.2 })
   * ```
   *
   * ### Combining strategies:
   *
   * ```javascript
   * // Mix of exact match, prefix search, and fuzzy search
   * miniSearch.search('ismael mob', {
   *  prefix: true,
   *  fuzzy: 0.2
   * })
   * ```
   *
   * ### Advanced prefix and fuzzy search:
   *
   * ```javascript
   * // Perform fuzzy and prefix search depending on the search term. Here
   * // performing prefix and fuzzy search only on terms longer than 3 characters
   * miniSearch.search('ismael mob', {
   *  prefix: term => term.length > 3
   *  fuzzy: term => term.length > 3 ? 0.2 : null
   * })
   * ```
   *
   * ### Combine with AND:
   *
   * ```javascript
   * // Combine search terms with AND (to match only documents that contain both
   * // "motorcycle" and "art")
   * miniSearch.search('motorcycle art', { combineWith: 'AND' })
   * ```
   *
   * ### Combine with AND_NOT:
   *
   * There is also an AND_NOT combinator, that finds documents that match the
   * first term, but do not match any of the other terms. This combinator is
   * rarely useful with simple queries, and is meant to be used with advanced
   * query combinations (see later for more details).
   *
   * ### Filtering results:
   *
   * ```javascript
   * // Filter only results in the 'fiction' category (assuming that 'category'
   * // is a stored field)
   * miniSearch.search('motorcycle art', {
   *   filter: (result) => result.category === 'fiction'
   * })
   * ```
   *
   * ### Wildcard query
   *
   * Searching for an empty string (assuming the default tokenizer) returns no
   * results. Sometimes though, one needs to match all documents, like in a
   * "wildcard" search. This is possible by passing the special value
   * {@link MiniSearch.wildcard} as the query:
   *
   * ```javascript
   * // Return search results for all documents
   * miniSearch.search(MiniSearch.wildcard)
   * ```
   *
   * Note that search options such as `filter` and `boostDocument` are still
   * applied, influencing which results are returned, and their order:
   *
   * ```javascript
   * // Return search results for all documents in the 'fiction' category
   * miniSearch.search(MiniSearch.wildcard, {
   *   filter: (result) => result.category === 'fiction'
   * })
   * ```
   *
   * ### Advanced combination of queries:
   *
   * It is possible to combine different subqueries with OR, AND, and AND_NOT,
   * and even with different search options, by passing a query expression
   * tree object as the first argument, instead of a string.
   *
   * ```javascript
   * // Search for documents that contain "zen" and ("motorcycle" or "archery")
   * miniSearch.search({
   *   combineWith: 'AND',
   *   queries: [
   *     'zen',
   *     {
   *       combineWith: 'OR',
   *       queries: ['motorcycle', 'archery']
   *     }
   *   ]
   * })
   *
   * // Search for documents that contain ("apple" or "pear") but not "juice" and
   * // not "tree"
   * miniSearch.search({
   *   combineWith: 'AND_NOT',
   *   queries: [
   *     {
   *       combineWith: 'OR',
   *       queries: ['apple', 'pear']
   *     },
   *     'juice',
   *     'tree'
   *   ]
   * })
   * ```
   *
   * Each node in the expression tree can be either a string, or an object that
   * supports all {@link SearchOptions} fields, plus a `queries` array field for
   * subqueries.
   *
   * Note that, while this can become complicated to do by hand for complex or
   * deeply nested queries, it provides a formalized expression tree API for
   * external libraries that implement a parser for custom query languages.
   *
   * @param query  Search query
   * @param searchOptions  Search options. Each option, if not given, defaults to the corresponding value of `searchOptions` given to the constructor, or to the library default.
   */
  search(query, searchOptions = {}) {
    const { searchOptions: globalSearchOptions } = this._options;
    const searchOptionsWithDefaults = { ...globalSearchOptions, ...searchOptions };
    const rawResults = this.executeQuery(query, searchOptions);
    const results = [];
    for (const [docId, { score, terms, match }] of rawResults) {
      const quality = terms.length || 1;
      const result = {
        id: this._documentIds.get(docId),
        score: score * quality,
        terms: Object.keys(match),
        queryTerms: terms,
        match
      };
      Object.assign(result, this._storedFields.get(docId));
      if (searchOptionsWithDefaults.filter == null || searchOptionsWithDefaults.filter(result)) {
        results.push(result);
      }
    }
    if (query === _MiniSearch.wildcard && searchOptionsWithDefaults.boostDocument == null) {
      return results;
    }
    results.sort(byScore);
    return results;
  }
  /**
   * Provide suggestions for the given search query
   *
   * The result is a list of suggested modified search queries, derived from the
   * given search query, each with a relevance score, sorted by descending score.
   *
   * By default, it uses the same options used for search, except that by
   * default it performs prefix search on the last term of the query, and
   * combine terms with `'AND'` (requiring all query terms to match). Custom
   * options can be passed as a second argument. Defaults can be changed upon
   * calling the {@link MiniSearch} constructor, by passing a
   * `autoSuggestOptions` option.
   *
   * ### Basic usage:
   *
   * ```javascript
   * // Get suggestions for 'neuro':
   * miniSearch.autoSuggest('neuro')
   * // => [ { suggestion: 'neuromancer', terms: [ 'neuromancer' ], score: 0.46240 } ]
   * ```
   *
   * ### Multiple words:
   *
   * ```javascript
   * // Get suggestions for 'zen ar':
   * miniSearch.autoSuggest('zen ar')
   * // => [
   * //  { suggestion: 'zen archery art', terms: [ 'zen', 'archery', 'art' ], score: 1.73332 },
   * //  { suggestion: 'zen art', terms: [ 'zen', 'art' ], score: 1.21313 }
   * // ]
   * ```
   *
   * ### Fuzzy suggestions:
   *
   * ```javascript
   * // Correct spelling mistakes using fuzzy search:
   * miniSearch.autoSuggest('neromancer', { fuzzy: 0.2 })
   * // => [ { suggestion: 'neuromancer', terms: [ 'neuromancer' ], score: 1.03998 } ]
   * ```
   *
   * ### Filtering:
   *
   * ```javascript
   * // Get suggestions for 'zen ar', but only within the 'fiction' category
   * // (assuming that 'category' is a stored field):
   * miniSearch.autoSuggest('zen ar', {
   *   filter: (result) => result.category === 'fiction'
   * })
   * // => [
   * //  { suggestion: 'zen archery art', terms: [ 'zen', 'archery', 'art' ], score: 1.73332 },
   * //  { suggestion: 'zen art', terms: [ 'zen', 'art' ], score: 1.21313 }
   * // ]
   * ```
   *
   * @param queryString  Query string to be expanded into suggestions
   * @param options  Search options. The supported options and default values
   * are the same as for the {@link MiniSearch#search} method, except that by
   * default prefix search is performed on the last term in the query, and terms
   * are combined with `'AND'`.
   * @return  A sorted array of suggestions sorted by relevance score.
   */
  autoSuggest(queryString, options = {}) {
    options = { ...this._options.autoSuggestOptions, ...options };
    const suggestions = /* @__PURE__ */ new Map();
    for (const { score, terms } of this.search(queryString, options)) {
      const phrase = terms.join(" ");
      const suggestion = suggestions.get(phrase);
      if (suggestion != null) {
        suggestion.score += score;
        suggestion.count += 1;
      } else {
        suggestions.set(phrase, { score, terms, count: 1 });
      }
    }
    const results = [];
    for (const [suggestion, { score, terms, count }] of suggestions) {
      results.push({ suggestion, terms, score: score / count });
    }
    results.sort(byScore);
    return results;
  }
  /**
   * Total number of documents available to search
   */
  get documentCount() {
    return this._documentCount;
  }
  /**
   * Number of terms in the index
   */
  get termCount() {
    return this._index.size;
  }
  /**
   * Deserializes a JSON index (serialized with `JSON.stringify(miniSearch)`)
   * and instantiates a MiniSearch instance. It should be given the same options
   * originally used when serializing the index.
   *
   * ### Usage:
   *
   * ```javascript
   * // If the index was serialized with:
   * let miniSearch = new MiniSearch({ fields: ['title', 'text'] })
   * miniSearch.addAll(documents)
   *
   * const json = JSON.stringify(miniSearch)
   * // It can later be deserialized like this:
   * miniSearch = MiniSearch.loadJSON(json, { fields: ['title', 'text'] })
   * ```
   *
   * @param json  JSON-serialized index
   * @param options  configuration options, same as the constructor
   * @return An instance of MiniSearch deserialized from the given JSON.
   */
  static loadJSON(json, options) {
    if (options == null) {
      throw new Error("MiniSearch: loadJSON should be given the same options used when serializing the index");
    }
    return this.loadJS(JSON.parse(json), options);
  }
  /**
   * Async equivalent of {@link MiniSearch.loadJSON}
   *
   * This function is an alternative to {@link MiniSearch.loadJSON} that returns
   * a promise, and loads the index in batches, leaving pauses between them to avoid
   * blocking the main thread. It tends to be slower than the synchronous
   * version, but does not block the main thread, so it can be a better choice
   * when deserializing very large indexes.
   *
   * @param json  JSON-serialized index
   * @param options  configuration options, same as the constructor
   * @return A Promise that will resolve to an instance of MiniSearch deserialized from the given JSON.
   */
  static async loadJSONAsync(json, options) {
    if (options == null) {
      throw new Error("MiniSearch: loadJSON should be given the same options used when serializing the index");
    }
    return this.loadJSAsync(JSON.parse(json), options);
  }
  /**
   * Returns the default value of an option. It will throw an error if no option
   * with the given name exists.
   *
   * @param optionName  Name of the option
   * @return The default value of the given option
   *
   * ### Usage:
   *
   * ```javascript
   * // Get default tokenizer
   * MiniSearch.getDefault('tokenize')
   *
   * // Get default term processor
   * MiniSearch.getDefault('processTerm')
   *
   * // Unknown options will throw an error
   * MiniSearch.getDefault('notExisting')
   * // => throws 'MiniSearch: unknown option "notExisting"'
   * ```
   */
  static getDefault(optionName) {
    if (defaultOptions.hasOwnProperty(optionName)) {
      return getOwnProperty(defaultOptions, optionName);
    } else {
      throw new Error(`MiniSearch: unknown option "${optionName}"`);
    }
  }
  /**
   * @ignore
   */
  static loadJS(js, options) {
    const { index, documentIds, fieldLength, storedFields, serializationVersion } = js;
    const miniSearch = this.instantiateMiniSearch(js, options);
    miniSearch._documentIds = objectToNumericMap(documentIds);
    miniSearch._fieldLength = objectToNumericMap(fieldLength);
    miniSearch._storedFields = objectToNumericMap(storedFields);
    for (const [shortId, id] of miniSearch._documentIds) {
      miniSearch._idToShortId.set(id, shortId);
    }
    for (const [term, data] of index) {
      const dataMap = /* @__PURE__ */ new Map();
      for (const fieldId of Object.keys(data)) {
        let indexEntry = data[fieldId];
        if (serializationVersion === 1) {
          indexEntry = indexEntry.ds;
        }
        dataMap.set(parseInt(fieldId, 10), objectToNumericMap(indexEntry));
      }
      miniSearch._index.set(term, dataMap);
    }
    return miniSearch;
  }
  /**
   * @ignore
   */
  static async loadJSAsync(js, options) {
    const { index, documentIds, fieldLength, storedFields, serializationVersion } = js;
    const miniSearch = this.instantiateMiniSearch(js, options);
    miniSearch._documentIds = await objectToNumericMapAsync(documentIds);
    miniSearch._fieldLength = await objectToNumericMapAsync(fieldLength);
    miniSearch._storedFields = await objectToNumericMapAsync(storedFields);
    for (const [shortId, id] of miniSearch._documentIds) {
      miniSearch._idToShortId.set(id, shortId);
    }
    let count = 0;
    for (const [term, data] of index) {
      const dataMap = /* @__PURE__ */ new Map();
      for (const fieldId of Object.keys(data)) {
        let indexEntry = data[fieldId];
        if (serializationVersion === 1) {
          indexEntry = indexEntry.ds;
        }
        dataMap.set(parseInt(fieldId, 10), await objectToNumericMapAsync(indexEntry));
      }
      if (++count % 1e3 === 0)
        await wait(0);
      miniSearch._index.set(term, dataMap);
    }
    return miniSearch;
  }
  /**
   * @ignore
   */
  static instantiateMiniSearch(js, options) {
    const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount, serializationVersion } = js;
    if (serializationVersion !== 1 && serializationVersion !== 2) {
      throw new Error("MiniSearch: cannot deserialize an index created with an incompatible version");
    }
    const miniSearch = new _MiniSearch(options);
    miniSearch._documentCount = documentCount;
    miniSearch._nextId = nextId;
    miniSearch._idToShortId = /* @__PURE__ */ new Map();
    miniSearch._fieldIds = fieldIds;
    miniSearch._avgFieldLength = averageFieldLength;
    miniSearch._dirtCount = dirtCount || 0;
    miniSearch._index = new SearchableMap();
    return miniSearch;
  }
  /**
   * @ignore
   */
  executeQuery(query, searchOptions = {}) {
    if (query === _MiniSearch.wildcard) {
      return this.executeWildcardQuery(searchOptions);
    }
    if (typeof query !== "string") {
      const options2 = { ...searchOptions, ...query, queries: void 0 };
      const results2 = query.queries.map((subquery) => this.executeQuery(subquery, options2));
      return this.combineResults(results2, options2.combineWith);
    }
    const { tokenize: tokenize2, processTerm, searchOptions: globalSearchOptions } = this._options;
    const options = { tokenize: tokenize2, processTerm, ...globalSearchOptions, ...searchOptions };
    const { tokenize: searchTokenize, processTerm: searchProcessTerm } = options;
    const terms = searchTokenize(query).flatMap((term) => searchProcessTerm(term)).filter((term) => !!term);
    const queries = terms.map(termToQuerySpec(options));
    const results = queries.map((query2) => this.executeQuerySpec(query2, options));
    return this.combineResults(results, options.combineWith);
  }
  /**
   * @ignore
   */
  executeQuerySpec(query, searchOptions) {
    const options = { ...this._options.searchOptions, ...searchOptions };
    const boosts = (options.fields || this._options.fields).reduce((boosts2, field) => ({ ...boosts2, [field]: getOwnProperty(options.boost, field) || 1 }), {});
    const { boostDocument, weights, maxFuzzy, bm25: bm25params } = options;
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...defaultSearchOptions.weights, ...weights };
    const data = this._index.get(query.term);
    const results = this.termResults(query.term, query.term, 1, query.termBoost, data, boosts, boostDocument, bm25params);
    let prefixMatches;
    let fuzzyMatches;
    if (query.prefix) {
      prefixMatches = this._index.atPrefix(query.term);
    }
    if (query.fuzzy) {
      const fuzzy = query.fuzzy === true ? 0.2 : query.fuzzy;
      const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(query.term.length * fuzzy)) : fuzzy;
      if (maxDistance)
        fuzzyMatches = this._index.fuzzyGet(query.term, maxDistance);
    }
    if (prefixMatches) {
      for (const [term, data2] of prefixMatches) {
        const distance = term.length - query.term.length;
        if (!distance) {
          continue;
        }
        fuzzyMatches === null || fuzzyMatches === void 0 ? void 0 : fuzzyMatches.delete(term);
        const weight = prefixWeight * term.length / (term.length + 0.3 * distance);
        this.termResults(query.term, term, weight, query.termBoost, data2, boosts, boostDocument, bm25params, results);
      }
    }
    if (fuzzyMatches) {
      for (const term of fuzzyMatches.keys()) {
        const [data2, distance] = fuzzyMatches.get(term);
        if (!distance) {
          continue;
        }
        const weight = fuzzyWeight * term.length / (term.length + distance);
        this.termResults(query.term, term, weight, query.termBoost, data2, boosts, boostDocument, bm25params, results);
      }
    }
    return results;
  }
  /**
   * @ignore
   */
  executeWildcardQuery(searchOptions) {
    const results = /* @__PURE__ */ new Map();
    const options = { ...this._options.searchOptions, ...searchOptions };
    for (const [shortId, id] of this._documentIds) {
      const score = options.boostDocument ? options.boostDocument(id, "", this._storedFields.get(shortId)) : 1;
      results.set(shortId, {
        score,
        terms: [],
        match: {}
      });
    }
    return results;
  }
  /**
   * @ignore
   */
  combineResults(results, combineWith = OR) {
    if (results.length === 0) {
      return /* @__PURE__ */ new Map();
    }
    const operator = combineWith.toLowerCase();
    const combinator = combinators[operator];
    if (!combinator) {
      throw new Error(`Invalid combination operator: ${combineWith}`);
    }
    return results.reduce(combinator) || /* @__PURE__ */ new Map();
  }
  /**
   * Allows serialization of the index to JSON, to possibly store it and later
   * deserialize it with {@link MiniSearch.loadJSON}.
   *
   * Normally one does not directly call this method, but rather call the
   * standard JavaScript `JSON.stringify()` passing the {@link MiniSearch}
   * instance, and JavaScript will internally call this method. Upon
   * deserialization, one must pass to {@link MiniSearch.loadJSON} the same
   * options used to create the original instance that was serialized.
   *
   * ### Usage:
   *
   * ```javascript
   * // Serialize the index:
   * let miniSearch = new MiniSearch({ fields: ['title', 'text'] })
   * miniSearch.addAll(documents)
   * const json = JSON.stringify(miniSearch)
   *
   * // Later, to deserialize it:
   * miniSearch = MiniSearch.loadJSON(json, { fields: ['title', 'text'] })
   * ```
   *
   * @return A plain-object serializable representation of the search index.
   */
  toJSON() {
    const index = [];
    for (const [term, fieldIndex] of this._index) {
      const data = {};
      for (const [fieldId, freqs] of fieldIndex) {
        data[fieldId] = Object.fromEntries(freqs);
      }
      index.push([term, data]);
    }
    return {
      documentCount: this._documentCount,
      nextId: this._nextId,
      documentIds: Object.fromEntries(this._documentIds),
      fieldIds: this._fieldIds,
      fieldLength: Object.fromEntries(this._fieldLength),
      averageFieldLength: this._avgFieldLength,
      storedFields: Object.fromEntries(this._storedFields),
      dirtCount: this._dirtCount,
      index,
      serializationVersion: 2
    };
  }
  /**
   * @ignore
   */
  termResults(sourceTerm, derivedTerm, termWeight, termBoost, fieldTermData, fieldBoosts, boostDocumentFn, bm25params, results = /* @__PURE__ */ new Map()) {
    if (fieldTermData == null)
      return results;
    for (const field of Object.keys(fieldBoosts)) {
      const fieldBoost = fieldBoosts[field];
      const fieldId = this._fieldIds[field];
      const fieldTermFreqs = fieldTermData.get(fieldId);
      if (fieldTermFreqs == null)
        continue;
      let matchingFields = fieldTermFreqs.size;
      const avgFieldLength = this._avgFieldLength[fieldId];
      for (const docId of fieldTermFreqs.keys()) {
        if (!this._documentIds.has(docId)) {
          this.removeTerm(fieldId, docId, derivedTerm);
          matchingFields -= 1;
          continue;
        }
        const docBoost = boostDocumentFn ? boostDocumentFn(this._documentIds.get(docId), derivedTerm, this._storedFields.get(docId)) : 1;
        if (!docBoost)
          continue;
        const termFreq = fieldTermFreqs.get(docId);
        const fieldLength = this._fieldLength.get(docId)[fieldId];
        const rawScore = calcBM25Score(termFreq, matchingFields, this._documentCount, fieldLength, avgFieldLength, bm25params);
        const weightedScore = termWeight * termBoost * fieldBoost * docBoost * rawScore;
        const result = results.get(docId);
        if (result) {
          result.score += weightedScore;
          assignUniqueTerm(result.terms, sourceTerm);
          const match = getOwnProperty(result.match, derivedTerm);
          if (match) {
            match.push(field);
          } else {
            result.match[derivedTerm] = [field];
          }
        } else {
          results.set(docId, {
            score: weightedScore,
            terms: [sourceTerm],
            match: { [derivedTerm]: [field] }
          });
        }
      }
    }
    return results;
  }
  /**
   * @ignore
   */
  addTerm(fieldId, documentId, term) {
    const indexData = this._index.fetch(term, createMap);
    let fieldIndex = indexData.get(fieldId);
    if (fieldIndex == null) {
      fieldIndex = /* @__PURE__ */ new Map();
      fieldIndex.set(documentId, 1);
      indexData.set(fieldId, fieldIndex);
    } else {
      const docs = fieldIndex.get(documentId);
      fieldIndex.set(documentId, (docs || 0) + 1);
    }
  }
  /**
   * @ignore
   */
  removeTerm(fieldId, documentId, term) {
    if (!this._index.has(term)) {
      this.warnDocumentChanged(documentId, fieldId, term);
      return;
    }
    const indexData = this._index.fetch(term, createMap);
    const fieldIndex = indexData.get(fieldId);
    if (fieldIndex == null || fieldIndex.get(documentId) == null) {
      this.warnDocumentChanged(documentId, fieldId, term);
    } else if (fieldIndex.get(documentId) <= 1) {
      if (fieldIndex.size <= 1) {
        indexData.delete(fieldId);
      } else {
        fieldIndex.delete(documentId);
      }
    } else {
      fieldIndex.set(documentId, fieldIndex.get(documentId) - 1);
    }
    if (this._index.get(term).size === 0) {
      this._index.delete(term);
    }
  }
  /**
   * @ignore
   */
  warnDocumentChanged(shortDocumentId, fieldId, term) {
    for (const fieldName of Object.keys(this._fieldIds)) {
      if (this._fieldIds[fieldName] === fieldId) {
        this._options.logger("warn", `MiniSearch: document with ID ${this._documentIds.get(shortDocumentId)} has changed before removal: term "${term}" was not present in field "${fieldName}". Removing a document after it has changed can corrupt the index!`, "version_conflict");
        return;
      }
    }
  }
  /**
   * @ignore
   */
  addDocumentId(documentId) {
    const shortDocumentId = this._nextId;
    this._idToShortId.set(documentId, shortDocumentId);
    this._documentIds.set(shortDocumentId, documentId);
    this._documentCount += 1;
    this._nextId += 1;
    return shortDocumentId;
  }
  /**
   * @ignore
   */
  addFields(fields) {
    for (let i = 0; i < fields.length; i++) {
      this._fieldIds[fields[i]] = i;
    }
  }
  /**
   * @ignore
   */
  addFieldLength(documentId, fieldId, count, length) {
    let fieldLengths = this._fieldLength.get(documentId);
    if (fieldLengths == null)
      this._fieldLength.set(documentId, fieldLengths = []);
    fieldLengths[fieldId] = length;
    const averageFieldLength = this._avgFieldLength[fieldId] || 0;
    const totalFieldLength = averageFieldLength * count + length;
    this._avgFieldLength[fieldId] = totalFieldLength / (count + 1);
  }
  /**
   * @ignore
   */
  removeFieldLength(documentId, fieldId, count, length) {
    if (count === 1) {
      this._avgFieldLength[fieldId] = 0;
      return;
    }
    const totalFieldLength = this._avgFieldLength[fieldId] * count - length;
    this._avgFieldLength[fieldId] = totalFieldLength / (count - 1);
  }
  /**
   * @ignore
   */
  saveStoredFields(documentId, doc) {
    const { storeFields, extractField } = this._options;
    if (storeFields == null || storeFields.length === 0) {
      return;
    }
    let documentFields = this._storedFields.get(documentId);
    if (documentFields == null)
      this._storedFields.set(documentId, documentFields = {});
    for (const fieldName of storeFields) {
      const fieldValue = extractField(doc, fieldName);
      if (fieldValue !== void 0)
        documentFields[fieldName] = fieldValue;
    }
  }
};
MiniSearch.wildcard = /* @__PURE__ */ Symbol("*");
var getOwnProperty = (object, property) => Object.prototype.hasOwnProperty.call(object, property) ? object[property] : void 0;
var combinators = {
  [OR]: (a, b) => {
    for (const docId of b.keys()) {
      const existing = a.get(docId);
      if (existing == null) {
        a.set(docId, b.get(docId));
      } else {
        const { score, terms, match } = b.get(docId);
        existing.score = existing.score + score;
        existing.match = Object.assign(existing.match, match);
        assignUniqueTerms(existing.terms, terms);
      }
    }
    return a;
  },
  [AND]: (a, b) => {
    const combined = /* @__PURE__ */ new Map();
    for (const docId of b.keys()) {
      const existing = a.get(docId);
      if (existing == null)
        continue;
      const { score, terms, match } = b.get(docId);
      assignUniqueTerms(existing.terms, terms);
      combined.set(docId, {
        score: existing.score + score,
        terms: existing.terms,
        match: Object.assign(existing.match, match)
      });
    }
    return combined;
  },
  [AND_NOT]: (a, b) => {
    for (const docId of b.keys())
      a.delete(docId);
    return a;
  }
};
var defaultBM25params = { k: 1.2, b: 0.7, d: 0.5 };
var calcBM25Score = (termFreq, matchingCount, totalCount, fieldLength, avgFieldLength, bm25params) => {
  const { k, b, d } = bm25params;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + termFreq * (k + 1) / (termFreq + k * (1 - b + b * fieldLength / avgFieldLength)));
};
var termToQuerySpec = (options) => (term, i, terms) => {
  const fuzzy = typeof options.fuzzy === "function" ? options.fuzzy(term, i, terms) : options.fuzzy || false;
  const prefix = typeof options.prefix === "function" ? options.prefix(term, i, terms) : options.prefix === true;
  const termBoost = typeof options.boostTerm === "function" ? options.boostTerm(term, i, terms) : 1;
  return { term, fuzzy, prefix, termBoost };
};
var defaultOptions = {
  idField: "id",
  extractField: (document, fieldName) => document[fieldName],
  stringifyField: (fieldValue, fieldName) => fieldValue.toString(),
  tokenize: (text) => text.split(SPACE_OR_PUNCTUATION),
  processTerm: (term) => term.toLowerCase(),
  fields: void 0,
  searchOptions: void 0,
  storeFields: [],
  logger: (level, message) => {
    if (typeof (console === null || console === void 0 ? void 0 : console[level]) === "function")
      console[level](message);
  },
  autoVacuum: true
};
var defaultSearchOptions = {
  combineWith: OR,
  prefix: false,
  fuzzy: false,
  maxFuzzy: 6,
  boost: {},
  weights: { fuzzy: 0.45, prefix: 0.375 },
  bm25: defaultBM25params
};
var defaultAutoSuggestOptions = {
  combineWith: AND,
  prefix: (term, i, terms) => i === terms.length - 1
};
var defaultVacuumOptions = { batchSize: 1e3, batchWait: 10 };
var defaultVacuumConditions = { minDirtFactor: 0.1, minDirtCount: 20 };
var defaultAutoVacuumOptions = { ...defaultVacuumOptions, ...defaultVacuumConditions };
var assignUniqueTerm = (target, term) => {
  if (!target.includes(term))
    target.push(term);
};
var assignUniqueTerms = (target, source) => {
  for (const term of source) {
    if (!target.includes(term))
      target.push(term);
  }
};
var byScore = ({ score: a }, { score: b }) => b - a;
var createMap = () => /* @__PURE__ */ new Map();
var objectToNumericMap = (object) => {
  const map = /* @__PURE__ */ new Map();
  for (const key of Object.keys(object)) {
    map.set(parseInt(key, 10), object[key]);
  }
  return map;
};
var objectToNumericMapAsync = async (object) => {
  const map = /* @__PURE__ */ new Map();
  let count = 0;
  for (const key of Object.keys(object)) {
    map.set(parseInt(key, 10), object[key]);
    if (++count % 1e3 === 0) {
      await wait(0);
    }
  }
  return map;
};
var wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
var SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

// src/core/retrieval/retrieval-terms.ts
var TOKEN = new RegExp("\\p{Lu}{2,}(?!\\p{Ll})|\\p{Lu}?\\p{Ll}+|\\p{Lu}|\\p{Lo}+|\\p{Nd}+", "gu");
function tokenize(text) {
  return text.match(TOKEN) ?? [];
}
var STOPWORDS = new Set(
  "a an and are as at be been but by can could do does each for from has have how if in into is it its may more must no not of on one or our shall should so some such than that the their them then there these they this those to too was we were what when where which while who will with would you your add adds added adding allow allows also ensure ensures implement implements make makes need needs new support supports supported use uses used using via want wants able like etc eg ie todo".split(" ")
);
function queryTerms(parts) {
  const terms = [];
  const seen = /* @__PURE__ */ new Set();
  for (const part of parts) {
    for (const word of tokenize(part)) {
      const lower = word.toLowerCase();
      if (lower.length < 2 || STOPWORDS.has(lower)) continue;
      const term = stem(lower);
      if (seen.has(term)) continue;
      seen.add(term);
      terms.push(term);
    }
  }
  return terms;
}
function stem(term) {
  const cut = (suffix) => term.length - suffix >= 4 ? term.slice(0, -suffix) : term;
  if (term.endsWith("ing") || term.endsWith("ies")) return cut(3);
  if (term.endsWith("ed")) return cut(2);
  if (/(?:x|s|z|ch|sh)es$/.test(term)) return cut(2);
  if (term.endsWith("s") && !/(?:ss|us|is)$/.test(term)) return cut(1);
  return term;
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
  const content = contentScores(files, masks, contentMask, contentTerms, options.lengthSample ?? 256);
  for (const result of content.results) add(result.id, result.score, result.terms);
  const pathWeight = options.pathWeight ?? 2;
  if (pathWeight > 0) for (const result of pathScores(files, terms)) add(result.id, pathWeight * result.score, result.terms);
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
function contentScores(files, masks, contentMask, terms, lengthSample) {
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
    bm25: bm25.params
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
function pathScores(files, terms) {
  const index = new MiniSearch({
    fields: ["path"],
    storeFields: [],
    tokenize,
    processTerm: (token) => token.length > 1 ? token.toLowerCase() : null
  });
  index.addAll(files.map((file, id) => ({ id, path: file.path })));
  return index.search(terms.join(" "), { combineWith: "OR", prefix: (term) => term.length >= PREFIX_MIN }).map((result) => ({ id: result.id, score: result.score, terms: result.queryTerms }));
}

// src/core/retrieval/retrieval.ts
var FILE_OVERHEAD_TOKENS = 12;
var MIN_TRUNCATED_TOKENS = 256;
var DEFAULT_INDEX_CHARS = 65536;
function fileTokens(path2, content) {
  return countTokens(content) + countTokens(path2) + FILE_OVERHEAD_TOKENS;
}
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
      usable.set(path2, { path: path2, content: file.content });
    }
  }
  const named = gap.files.map((path2) => path2.replace(/^\.\//, ""));
  const terms = queryTerms([gap.text, ...gap.section, ...named]);
  const searchable = [...usable.values()].filter((file) => !named.includes(file.path));
  const maxIndexChars = limits.maxIndexChars ?? DEFAULT_INDEX_CHARS;
  const search = rankFiles(
    searchable.map((file) => ({ path: file.path, content: file.content.slice(0, maxIndexChars) })),
    terms
  );
  const packer = new Packer(limits);
  for (const path2 of named) {
    const file = usable.get(path2);
    if (file) packer.addNamed(file);
    else packer.skip(path2, unusable.get(path2) ?? "not_found");
  }
  for (const match of search.ranked) {
    if (packer.full()) break;
    packer.addMatch(usable.get(match.path), match.score);
  }
  return {
    files: packer.files,
    tokens: packer.used,
    ranking: search.ranked,
    terms: { query: terms, content: search.contentTerms, common: search.commonTerms },
    skipped: packer.skipped,
    filtered
  };
}
var Packer = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  files = [];
  skipped = [];
  used = 0;
  full() {
    return this.files.length >= this.limits.maxFiles || this.limits.maxTokens - this.used < FILE_OVERHEAD_TOKENS * 2;
  }
  skip(path2, reason) {
    this.skipped.push({ path: path2, reason });
  }
  addNamed(file) {
    if (this.files.length >= this.limits.maxFiles) return this.skip(file.path, "over_budget");
    const room = this.limits.maxTokens - this.used;
    const whole = tokensWithin(file, room);
    if (whole !== null) return this.take(file, file.content, whole, false, "named", null);
    const head = truncateToFit(file, room);
    if (head === null) return this.skip(file.path, "over_budget");
    this.take(file, head.content, head.tokens, true, "named", null);
  }
  addMatch(file, score) {
    const tokens = tokensWithin(file, this.limits.maxTokens - this.used);
    if (tokens === null) return this.skip(file.path, "over_budget");
    this.take(file, file.content, tokens, false, "search", score);
  }
  take(file, content, tokens, truncated, source, score) {
    this.files.push({ path: file.path, content, tokens, truncated, source, score });
    this.used += tokens;
  }
};
function tokensWithin(file, room) {
  const overhead = countTokens(file.path) + FILE_OVERHEAD_TOKENS;
  if (room <= overhead) return null;
  const probe = file.content.slice(0, (room - overhead) * 8);
  const probeTokens = countTokens(probe);
  if (probeTokens > room - overhead) return null;
  const tokens = probe.length === file.content.length ? probeTokens : countTokens(file.content);
  return tokens + overhead <= room ? tokens + overhead : null;
}
function truncateToFit(file, room) {
  if (room < MIN_TRUNCATED_TOKENS) return null;
  const lines = file.content.split("\n");
  const render = (count) => `${lines.slice(0, count).join("\n")}
\u2026 [prd-bot: truncated after line ${count} of ${lines.length} to fit the context budget]`;
  const cost = (count) => fileTokens(file.path, render(count));
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = low + high + 1 >> 1;
    if (cost(mid) <= room) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return null;
  return { content: render(low), tokens: cost(low) };
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
  const limits = { maxTokens: config.context.max_tokens, maxFiles: config.context.max_files, maxFileBytes: config.policy.max_file_bytes };
  let pool = candidates.files;
  let selected = selectContext(gap, pool, limits);
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
  const files = selected.files.map((file) => `--- ${file.path}${file.truncated ? " (truncated)" : ""}
${file.content}
--- end ${file.path}`).join("\n\n");
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
    files: files || "(no files selected)"
  });
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: user }
    ],
    contextFiles: selected.files.map((file) => file.path),
    withheld: candidates.withheld
  };
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

// src/jobs/propose/propose-cycle.ts
async function proposeCycle(deps, options = {}) {
  const startedAt = deps.now();
  const cycleId = deps.newCycleId?.() ?? newCycleId(startedAt);
  const recorder = recordTranscript(deps.model);
  const run = new CycleState(cycleId, startedAt, deps.version, options.dryRun ?? false, recorder.transcript);
  const model = deps.model.free ? recorder.client : budgetedModelClient(recorder.client, { state: deps.state, limits: deps.config.budget, now: deps.now });
  const touch = new TouchedTree(deps.workspace, deps.ownPaths ?? []);
  let ending;
  try {
    run.base = { branch: await deps.workspace.currentBranch(), sha: await deps.workspace.headSha() };
    ending = await runCycle(deps, options, run, model, touch);
  } catch (error) {
    ending = { outcome: run.failureOutcome(), reason: `unexpected error: ${error.message}` };
  } finally {
    if (touch.touched) await run.timed("restore", () => touch.restore());
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
  const rules = applyRules(config);
  run.timings.select_ms = run.elapsed();
  const prompt = await run.timed("context", () => buildProposePrompt(workspace, { gap, config, protectedGlobs: rules.protectedGlobs, testCommand, prior }));
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
    if (applied.files.every((file) => file.mode === "NOOP")) {
      return { outcome: "cycle_noop", reason: "every proposed file is identical to the current content" };
    }
    run.phase = "test";
    lastTest = await run.timed(
      "tests",
      () => log.group(`tests: ${deps.testCommand}`, () => workspace.run(testCommand, { timeoutMs: config.test.timeout_seconds * 1e3 }))
    );
    run.test = lastTest;
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
function askOptions(config, purpose) {
  return { purpose, maxTokens: config.models.max_output_tokens, temperature: config.models.temperature };
}
function newCycleId(at) {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

export {
  PR_MARKER,
  shouldRunCycle,
  applyProposal,
  parseProposal,
  proposeCycle,
  applyRules
};
