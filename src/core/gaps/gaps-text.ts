// Plain text of a markdown block, as gaps need it: what the reader sees, with the tag found only where
// the reader would see it as prose (not in inline code, not struck out), and the repository paths it names.
import type { PhrasingContent, RootContent } from "mdast";

/** Text of one block: `text` for output, `tagged` when the tag occurs outside inline code and strikethrough. */
export interface BlockText {
  text: string;
  tagged: boolean;
}

interface Run {
  value: string;
  /** Prose runs may carry the tag; literal runs (inline code, strikethrough) are kept verbatim. */
  prose: boolean;
}

/** Text of phrasing nodes with every prose occurrence of `tag` removed and whitespace collapsed. */
export function blockText(nodes: readonly (PhrasingContent | RootContent)[], tag: string): BlockText {
  const runs: Run[] = [];
  collect(nodes, true, runs);
  let tagged = false;
  let text = "";
  for (const run of runs) {
    if (run.prose && run.value.includes(tag)) {
      tagged = true;
      text += run.value.split(tag).join(" ");
    } else {
      text += run.value;
    }
  }
  return { text: collapse(text), tagged };
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function push(runs: Run[], value: string, prose: boolean): void {
  const last = runs[runs.length - 1];
  // Adjacent prose is merged so a tag split across nodes by the parser (`[bot-` + `eligible]`) is still found.
  if (last && last.prose === prose) last.value += value;
  else runs.push({ value, prose });
}

function collect(nodes: readonly (PhrasingContent | RootContent)[], prose: boolean, runs: Run[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        push(runs, node.value, prose);
        break;
      case "inlineCode":
        push(runs, node.value, false);
        break;
      case "break":
        push(runs, " ", prose);
        break;
      case "image":
        push(runs, node.alt ?? "", prose);
        break;
      case "footnoteReference":
        // Rendered the same whether or not the footnote is defined, so the gap's id does not depend on it.
        push(runs, `[^${node.label ?? node.identifier}]`, false);
        break;
      case "delete":
        // A struck-out tag (`~~[bot-eligible]~~`) withdraws the item; the words stay in the text.
        collect(node.children, false, runs);
        break;
      case "html":
        // Inline markup is not text; the words between tags are their own text nodes.
        break;
      default:
        if ("children" in node) collect(node.children as PhrasingContent[], prose, runs);
    }
  }
}

// A path is segments joined by "/" whose last segment has an extension; a bare file name counts only when
// it was written as inline code (`package.json`), since prose is full of "e.g." and "Node.js".
const PATH = /(?:^|[\s(["'`<,;:])((?:\.\/)?(?:\.?[A-Za-z0-9_@][A-Za-z0-9_.@-]*\/)+[A-Za-z0-9_.@-]*[A-Za-z0-9_-]\.[A-Za-z][A-Za-z0-9]{0,9})(?=$|[\s)\]"'`>,;:!?]|\.(?:\s|$))/g;
const URL_LIKE = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+|\bwww\.\S+/g;
const BARE_FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.[A-Za-z][A-Za-z0-9]{0,9}$/;

/**
 * Repository paths named in `text` (in order, without duplicates): `src/foo.ts`, `./lib/a/b.py`, and bare
 * names written as inline code (`codeSpans`). URLs and absolute or parent paths are not repository paths.
 */
export function namedFiles(text: string, codeSpans: readonly string[] = []): string[] {
  const found = new Set<string>();
  const withoutUrls = text.replace(URL_LIKE, " ");
  for (const match of withoutUrls.matchAll(PATH)) {
    const path = (match[1] ?? "").replace(/^\.\//, "");
    const parts = path.split("/");
    if (parts.some((part) => part === "" || part === "." || part === "..")) continue;
    // `example.com/a/b.html` is a URL without its scheme, not a folder named "example.com".
    if (/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(parts[0] ?? "")) continue;
    found.add(path);
  }
  for (const span of codeSpans) {
    const trimmed = span.trim().replace(/^\.\//, "");
    if (BARE_FILE.test(trimmed)) found.add(trimmed);
  }
  return orderOfAppearance(text, [...found]);
}

function orderOfAppearance(text: string, paths: string[]): string[] {
  return paths
    .map((path) => ({ path, at: text.indexOf(path) }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.path);
}

/** The inline code spans among phrasing nodes, for `namedFiles`. */
export function codeSpans(nodes: readonly (PhrasingContent | RootContent)[]): string[] {
  const spans: string[] = [];
  const walk = (list: readonly (PhrasingContent | RootContent)[]): void => {
    for (const node of list) {
      if (node.type === "inlineCode") spans.push(node.value);
      else if ("children" in node) walk(node.children as PhrasingContent[]);
    }
  };
  walk(nodes);
  return spans;
}
