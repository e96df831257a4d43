// Hard rules on what a proposal may write, over plain strings: not configurable off. The workspace adapter
// adds the one check that needs the disk (symlinks that lead out of the repository).
import picomatch from "picomatch";
import type { PlannedFile } from "../types.js";

export type GuardResult = { ok: true } | { ok: false; reason: string };

export interface PathRules {
  /** Globs never written (config paths.protected + paths.extra_protected). */
  protectedGlobs: readonly string[];
  /** The PRD, always protected whatever the globs say. */
  prdPath: string;
}

export interface ContentRules {
  /** policy.max_file_bytes: the largest file a proposal may write, in UTF-8 bytes. */
  maxFileBytes: number;
}

const OK: GuardResult = { ok: true };

// Longest name (one path segment) most filesystems take (NAME_MAX), and the longest repository path
// accepted: well under PATH_MAX once the checkout's own folder is added, and what git on Windows handles.
export const MAX_NAME_BYTES = 255;
export const MAX_PATH_BYTES = 1024;

// Invisible and format characters (Unicode Cf: zero-width joiners, bidi controls, BOM, soft hyphen) and
// line/paragraph separators. HFS+ ignores some of them in names, so ".g\u200cit/" is ".git/" there, and
// bidi controls make a path read differently from what it is.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

// Decoded binary has a control character every few bytes; text, even with odd fixtures, has almost none.
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Whether `path` is a repository path a proposal may write. Paths must be canonical relative posix paths:
 * "./a" and "a//b" are refused rather than normalized, so that the path checked here, the protected-glob
 * match and the file written are the same string. Percent-encoding is not decoded ("%2e%2e" is a literal
 * file name on every filesystem git supports), so it needs no special case.
 */
export function checkPath(path: string, rules: PathRules): GuardResult {
  const shown = JSON.stringify(path);
  if (path.trim() === "") return fail("the path is empty; give a file path relative to the repository root");
  const control = [...path].find((char) => isControl(char.charCodeAt(0)));
  if (control !== undefined) {
    const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return fail(`path ${shown} contains a control character (U+${code}); use a plain file path`);
  }
  const invisible = INVISIBLE.exec(path)?.[0];
  if (invisible !== undefined) {
    const code = invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    return fail(`path ${shown.slice(0, 200)} contains an invisible or format character (U+${code}), which can make one path look like another; use a plain file path`);
  }
  const bytes = utf8Length(path);
  if (bytes > MAX_PATH_BYTES) return fail(`path ${JSON.stringify(path.slice(0, 80))}… is ${bytes} bytes long, over the limit of ${MAX_PATH_BYTES}; use a shorter path`);
  const longName = path.split(/[\\/]/).find((segment) => utf8Length(segment) > MAX_NAME_BYTES);
  if (longName !== undefined) {
    return fail(`path ${JSON.stringify(path.slice(0, 80))}… has a name of ${utf8Length(longName)} bytes, over the ${MAX_NAME_BYTES} a filesystem allows; use a shorter name`);
  }
  // Judge backslashes as separators first, so "..\\x" is reported as the traversal it is on Windows.
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) {
    return fail(`path ${shown} is absolute; give a path relative to the repository root (src/foo.ts)`);
  }
  const segments = slashed.split("/");
  if (segments.includes("..")) return fail(`path ${shown} contains a ".." segment; paths must stay inside the repository`);
  // Windows drops trailing dots and spaces from names, so "..." or ". ." can resolve to a parent: refuse them.
  const dotty = segments.find((segment) => segment !== "." && /^[. ]+$/.test(segment));
  if (dotty !== undefined) {
    return fail(`path ${shown} has a segment made only of dots and spaces (${JSON.stringify(dotty)}), which Windows may read as ".."`);
  }
  if (segments.some(isGitDirName)) return fail(`path ${shown} is inside a .git directory; git metadata is never written`);
  const spaced = segments.find((segment) => segment !== segment.trim());
  if (spaced !== undefined) {
    return fail(`path ${shown} has a name that starts or ends with whitespace (${JSON.stringify(spaced)}); remove the spaces`);
  }
  if (path.includes("\\")) return fail(`path ${shown} contains a backslash; use forward slashes (${JSON.stringify(slashed)})`);
  const canonical = segments.filter((segment) => segment !== "" && segment !== ".").join("/");
  if (canonical === "") return fail(`path ${shown} names the repository root, not a file`);
  if (path.endsWith("/")) return fail(`path ${shown} ends with "/" and names a directory; give a file path`);
  if (canonical !== path) return fail(`path ${shown} is not in canonical form; write it as ${JSON.stringify(canonical)}`);
  if (samePath(path, rules.prdPath)) return fail(`path ${shown} is the PRD (${rules.prdPath}); the bot never edits the PRD`);
  const glob = protectingGlob(path, rules.protectedGlobs);
  if (glob !== undefined) return fail(`path ${shown} is protected by the glob ${JSON.stringify(glob)} (config paths.protected)`);
  return OK;
}

/** Whether `content` may be written to `path`: within the size limit, and text rather than binary. */
export function checkContent(path: string, content: string, rules: ContentRules): GuardResult {
  const bytes = utf8Length(content);
  if (bytes > rules.maxFileBytes) {
    return fail(`${path}: the content is ${bytes} bytes, over the limit of ${rules.maxFileBytes} (policy.max_file_bytes); propose a smaller file or edits`);
  }
  const nul = content.indexOf("\u0000");
  if (nul !== -1) return fail(`${path}: the content holds a NUL character (at index ${nul}) and looks binary; only text files are written`);
  let controls = 0;
  for (let i = 0; i < content.length; i++) if (isBinaryControl(content.charCodeAt(i))) controls++;
  if (content.length > 0 && controls / content.length > BINARY_CONTROL_SHARE) {
    return fail(`${path}: ${controls} of ${content.length} characters are control characters; the content looks binary and only text files are written`);
  }
  return OK;
}

/**
 * A proposal has no delete verb; emptying an existing file is how a model would try one anyway.
 * A file that was already blank may stay blank.
 */
export function checkNotDeletion(file: Pick<PlannedFile, "path" | "before" | "after">): GuardResult {
  if (file.before !== undefined && file.before.trim() !== "" && file.after.trim() === "") {
    return fail(`${file.path}: the new content is empty, which would delete the file's content; files are never deleted`);
  }
  return OK;
}

/** Every guardrail on one planned file. Files left as they are (NOOP) write nothing, so only their path is judged. */
export function checkPlannedFile(file: PlannedFile, rules: PathRules & ContentRules): GuardResult {
  const path = checkPath(file.path, rules);
  if (!path.ok || file.mode === "NOOP") return path;
  const deletion = checkNotDeletion(file);
  if (!deletion.ok) return deletion;
  return checkContent(file.path, file.after, rules);
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/** Control characters that never appear in source text; tab, LF, VT, FF, CR and ESC (ANSI colours in fixtures) do. */
function isBinaryControl(code: number): boolean {
  return isControl(code) && !(code >= 0x09 && code <= 0x0d) && code !== 0x1b;
}

/** `.git` in any spelling that git or the filesystem treats as the git directory (see CVE-2014-9390). */
function isGitDirName(segment: string): boolean {
  const name = segment.toLowerCase().replace(/[. ]+$/, "");
  return name === ".git" || name === "git~1";
}

// Case-insensitive: on macOS and Windows "YARN.LOCK" is yarn.lock, and refusing it on Linux costs nothing.
const matchers = new Map<string, (path: string) => boolean>();

function protectingGlob(path: string, globs: readonly string[]): string | undefined {
  return globs.find((glob) => {
    let matcher = matchers.get(glob);
    if (matcher === undefined) {
      matcher = picomatch(glob, { dot: true, nocase: true });
      matchers.set(glob, matcher);
    }
    return matcher(path);
  });
}

function samePath(path: string, prdPath: string): boolean {
  const normalize = (p: string): string =>
    p
      .replace(/\\/g, "/")
      .split("/")
      .filter((segment) => segment !== "" && segment !== ".")
      .join("/")
      .toLowerCase();
  return normalize(path) === normalize(prdPath);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function fail(reason: string): GuardResult {
  return { ok: false, reason };
}
