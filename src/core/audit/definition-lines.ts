// Which identifiers one line of code defines, by language: functions, methods, classes, types, constants and
// fields (struct fields, interface members, dataclass fields, `self.x =`). Line-based on purpose: the auditor
// reads the removed side of a diff, where only the lines themselves exist. Local variables are left out: a
// renamed local cannot leave references in other functions.
import type { CodeLanguage } from "./code-files.js";

export type DefinitionKind = "function" | "method" | "type" | "constant" | "field";

export interface LineDefinition {
  name: string;
  kind: DefinitionKind;
}

const ID = "[A-Za-z_$][A-Za-z0-9_$]*";
const TS_KEYWORDS = new Set(["if", "for", "while", "switch", "catch", "return", "function", "new", "typeof", "await", "yield", "else", "do", "try", "case", "default", "throw", "delete", "void", "import", "export", "super", "this", "constructor"]);

type Rule = { pattern: RegExp; kind: DefinitionKind; group?: number };

const RULES: Record<CodeLanguage, Rule[]> = {
  ts: [
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:abstract\\s+)?(?:class|interface|enum)\\s+(${ID})`), kind: "type" },
    { pattern: new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?type\\s+(${ID})\\s*(?:<.*>)?\\s*=`), kind: "type" },
    { pattern: new RegExp(`^(?:export\\s+)?(?:declare\\s+)?(?:const|let|var)\\s+(${ID})\\s*[:=]`), kind: "constant" },
    // Class methods and members (indented): `  async name(…) {`, `  private name: T;`, `  name?: T;`.
    { pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly|abstract|override|async|get|set|declare)\\s+)*\\*?(${ID})\\s*(?:<[^>]*>)?\\s*\\([^)]*\\)?\\s*(?::\\s*[^={;]+)?\\s*\\{\\s*$`), kind: "method" },
    { pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly|declare)\\s+)*(${ID})\\??\\s*:\\s*[^,]+[;,]?\\s*$`), kind: "field" },
  ],
  python: [
    { pattern: new RegExp(`^\\s*(?:async\\s+)?def\\s+(${ID})\\s*\\(`), kind: "function" },
    { pattern: new RegExp(`^\\s*class\\s+(${ID})\\s*[(:]`), kind: "type" },
    { pattern: new RegExp(`^(${ID})\\s*(?::\\s*[^=]+)?=[^=]`), kind: "constant" },
    // Dataclass / pydantic / typed class fields: `    name: type` or `    name: type = default`.
    { pattern: new RegExp(`^\\s{2,}(${ID})\\s*:\\s*[A-Za-z_][\\w.\\[\\], |"']*(?:=.*)?$`), kind: "field" },
    { pattern: new RegExp(`^\\s+self\\.(${ID})\\s*(?::\\s*[^=]+)?=[^=]`), kind: "field" },
  ],
  rust: [
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:const\\s+|async\\s+|unsafe\\s+|extern\\s+"[^"]*"\\s+)*fn\\s+(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:struct|enum|trait|union|type)\\s+(${ID})`), kind: "type" },
    { pattern: new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:const|static)\\s+(?:mut\\s+)?(${ID})\\s*:`), kind: "constant" },
    { pattern: new RegExp(`^\\s*macro_rules!\\s*(${ID})`), kind: "function" },
    { pattern: new RegExp(`^\\s+(?:pub(?:\\([^)]*\\))?\\s+)?(${ID})\\s*:\\s*[^,=]+,\\s*$`), kind: "field" },
  ],
  go: [
    { pattern: new RegExp(`^func\\s+\\([^)]*\\)\\s*(${ID})\\s*[(\\[]`), kind: "method" },
    { pattern: new RegExp(`^func\\s+(${ID})\\s*[(\\[]`), kind: "function" },
    { pattern: new RegExp(`^(?:type\\s+)?(${ID})\\s+(?:struct|interface)\\s*\\{`), kind: "type" },
    { pattern: new RegExp(`^type\\s+(${ID})\\b`), kind: "type" },
    { pattern: new RegExp(`^(?:const|var)\\s+(${ID})\\b`), kind: "constant" },
    // Struct fields: a tab-indented `Name Type` with an optional tag.
    { pattern: new RegExp(`^\\t+(${ID})\\s+\\*?(?:\\[\\]|map\\[[^\\]]+\\])?\\*?[A-Za-z_][\\w.]*(?:\\s+\`[^\`]*\`)?\\s*$`), kind: "field" },
  ],
};

// Looser shapes, used only where a false "defined" errs towards silence: on added lines (the name was moved,
// not removed) and at head (the name still exists). Go const/var block entries and struct fields of any type,
// indented assignments in Python and TypeScript class bodies.
const LOOSE: Record<CodeLanguage, Rule[]> = {
  ts: [{ pattern: new RegExp(`^\\s+(?:(?:public|private|protected|static|readonly)\\s+)*(${ID})\\s*(?::[^=]+)?=(?![=>])`), kind: "field" }],
  python: [{ pattern: new RegExp(`^\\s+(${ID})\\s*(?::[^=]+)?=(?!=)`), kind: "constant" }],
  rust: [{ pattern: new RegExp(`^\\s+(?:pub(?:\\([^)]*\\))?\\s+)?(${ID})\\s*:\\s*[^:]`), kind: "field" }],
  go: [
    { pattern: new RegExp(`^\\t+(${ID})(?:\\s+[\\w.*\\[\\]]+)?\\s*=[^=]`), kind: "constant" },
    { pattern: new RegExp(`^\\t+(${ID})\\s+[*\\[\\]\\w.]+`), kind: "field" },
  ],
};

export function definitionsInLine(text: string, language: CodeLanguage, options: { loose?: boolean } = {}): LineDefinition[] {
  const found: LineDefinition[] = [];
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
