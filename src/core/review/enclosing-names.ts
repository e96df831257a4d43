// TODO(H3 symbolsOf): names of the definitions around changed lines, by a line-based look back for a
// definition-shaped line; replaced by core/retrieval/symbols.ts (tree-sitter) when it lands.
const DEFINITION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:pub(?:\([^)]*\))?\s+)?(?:function\*?|class|interface|type|enum|struct|trait|impl|def|fn|func|module|const|let)\s+([A-Za-z_$][\w$]*)/;

export function enclosingNames(content: string, lines: readonly number[]): string[] {
  const all = content.split("\n");
  const names: string[] = [];
  for (const line of lines.slice(0, 50)) {
    for (let i = Math.min(line, all.length) - 1; i >= 0 && line - i < 200; i--) {
      const match = DEFINITION.exec(all[i] ?? "");
      if (match?.[1]) {
        if (!names.includes(match[1])) names.push(match[1]);
        break;
      }
    }
  }
  return names;
}
