// Whether a line of code (comments and strings already blanked) binds a name rather than using it: a local
// variable, a parameter, a loop variable, an import alias or an import from outside the repository. A name that
// is still bound somewhere at head is not a broken reference: the auditor then says nothing about it.
import type { CodeLanguage } from "./code-files.js";

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * True when `line` binds `name`. `isRepoModule` says whether an import's module is part of the repository
 * (then the import is a use of the old name, not a binding).
 */
export function bindsName(line: string, name: string, language: CodeLanguage, isRepoModule: (module: string) => boolean, rawLine = line): boolean {
  const n = escapeRegExp(name);
  const w = `(?<![A-Za-z0-9_$])${n}(?![A-Za-z0-9_$])`;
  const patterns: RegExp[] = [new RegExp(`\\bas\\s+${n}(?![A-Za-z0-9_$])`)];
  switch (language) {
    case "ts":
      patterns.push(
        new RegExp(`\\b(?:const|let|var)\\s+${w}`),
        new RegExp(`\\b(?:const|let|var)\\s*[{[][^=]*${w}[^=]*[}\\]]\\s*=`),
        new RegExp(`\\bfor\\s*\\(\\s*(?:const|let|var)\\s+${w}`),
        new RegExp(`\\bfunction\\b[^(]*\\([^)]*${w}`),
        new RegExp(`\\(([^()]*[,(]\\s*)?${w}\\s*(?:[,:=?][^()]*)?\\)\\s*(?::[^=]+)?=>`),
        new RegExp(`^\\s*${w}\\s*=>`),
        new RegExp(`\\bcatch\\s*\\(\\s*${w}`),
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
        new RegExp(`\\bglobal\\s+.*${w}|\\bnonlocal\\s+.*${w}`),
      );
      break;
    case "rust":
      patterns.push(
        new RegExp(`\\blet\\s+(?:mut\\s+)?${w}`),
        new RegExp(`\\blet\\s+[({[][^=]*${w}`),
        new RegExp(`\\bfor\\s+(?:\\(?[\\w\\s,]*,\\s*)?${w}[\\w\\s,)]*\\bin\\b`),
        new RegExp(`\\bfn\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\([^)]*${w}\\s*:`),
        new RegExp(`\\|[^|]*${w}[^|]*\\|`),
        new RegExp(`\\b(?:Some|Ok|Err)\\s*\\(\\s*${w}\\s*\\)\\s*(?:=>|=)`),
      );
      break;
    case "go":
      patterns.push(
        new RegExp(`${w}\\s*(?:,\\s*\\w+\\s*)*:=`),
        new RegExp(`(?:\\w+\\s*,\\s*)+${w}\\s*:=`),
        new RegExp(`\\bvar\\s+${w}`),
        new RegExp(`\\bfunc\\b[^{]*\\([^)]*${w}\\s+[\\w*.\\[\\]]`),
        new RegExp(`\\bfor\\s+(?:\\w+\\s*,\\s*)?${w}\\s*(?:,\\s*\\w+\\s*)?:=\\s*range\\b`),
      );
      break;
  }
  if (patterns.some((pattern) => pattern.test(line))) return true;
  return importsFromOutside(rawLine, name, language, isRepoModule);
}

function importsFromOutside(line: string, name: string, language: CodeLanguage, isRepoModule: (module: string) => boolean): boolean {
  const w = new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(name)}(?![A-Za-z0-9_$])`);
  if (!w.test(line)) return false;
  if (language === "ts") {
    const from = /\bfrom\s+["']([^"']+)["']|\brequire\s*\(\s*["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/.exec(line);
    const module = from?.[1] ?? from?.[2] ?? from?.[3];
    if (module === undefined) return false;
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
