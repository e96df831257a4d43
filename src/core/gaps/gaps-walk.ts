// Parses the planned units of a PRD with mdast (CommonMark + GFM) and walks the trees in document order,
// collecting tagged blocks and the heading path above each one.
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { ListItem, Root, RootContent, TableRow } from "mdast";
import type { Gap } from "../types.js";
import { blockText, codeSpans, namedFiles } from "./gaps-text.js";
import type { ParseUnit, UnitPlan } from "./gaps-units.js";

/** A gap before its id and context are known. */
export interface RawGap {
  line: number;
  /** Last line of the block's own text (for a list item: of its first paragraph, not its sub-items). */
  endLine: number;
  text: string;
  section: string[];
  checked: boolean;
  kind: Gap["kind"];
  files: string[];
  /** Line of the nearest heading above (or of the gap itself when it is a heading); 0 when none. */
  headingLine: number;
  /** For a nested list item: the lines of its parent items' own text, outermost first. */
  parents: { start: number; end: number }[];
}

// micromark slows down on long inputs (its event lists are spliced and copied); batches of a few KB were
// fastest in bench/gaps-and-context.ts (2 KB: 0.94 s, 16 KB: 1.2 s, 64 KB: 1.8-2.4 s for a 5 MB PRD).
const BATCH_CHARS = 4_096;

const parseOptions = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

interface Batch {
  text: string;
  /** Per unit: its first line in the batch text and in the document (both 1-based). */
  starts: { batch: number; doc: number }[];
}

/** Tagged blocks of the planned units, in document order. */
export function walkUnits(lines: readonly string[], plan: UnitPlan, tag: string): RawGap[] {
  const walker = new Walker(tag);
  const definitions = definitionLabels(lines, plan);
  // Definitions go first: appended last, they could be swallowed by a code block left open at the end.
  const prefix = definitions.length > 0 ? `${definitions.map((label) => `[${label}]: #`).join("\n")}\n\n` : "";
  const prefixLines = definitions.length > 0 ? definitions.length + 1 : 0;
  for (const item of batches(lines, plan.units)) {
    if ("depth" in item) {
      walker.heading(item.depth, item.text, item.line);
      continue;
    }
    const tree = fromMarkdown(prefix + item.text, parseOptions);
    walker.walkRoot(tree, (line) => toDocLine(item, line - prefixLines));
  }
  return walker.gaps;
}

/**
 * Labels of the document's link reference definitions, in document order. Only a reference's label shows
 * in a gap's text (not its URL or title), so `[label]: #` stands in for each definition.
 */
function definitionLabels(lines: readonly string[], plan: UnitPlan): string[] {
  const labels: string[] = [];
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "definition") labels.push((node.label ?? node.identifier).replace(/\s+/g, " "));
      else if ("children" in node) visit(node.children as RootContent[]);
    }
  };
  for (const item of batches(lines, plan.definitionUnits)) {
    if (!("depth" in item)) visit(fromMarkdown(item.text, parseOptions).children);
  }
  return labels;
}

/** Batches of units to parse, and the plain headings between them, in document order. */
function* batches(lines: readonly string[], units: readonly ParseUnit[]): Generator<Batch | { depth: number; text: string; line: number }> {
  let batch: Batch = { text: "", starts: [] };
  let nextLine = 1;
  for (const unit of units) {
    if (batch.starts.length > 0 && (batch.text.length >= BATCH_CHARS || unit.heading)) {
      yield batch;
      batch = { text: "", starts: [] };
      nextLine = 1;
    }
    if (unit.heading) {
      yield { ...unit.heading, line: unit.start + 1 };
      continue;
    }
    // One blank line between units ends whatever block the previous unit left open.
    if (batch.starts.length > 0) batch.text += "\n\n";
    batch.starts.push({ batch: nextLine, doc: unit.start + 1 });
    batch.text += lines.slice(unit.start, unit.end).join("\n");
    nextLine += unit.end - unit.start + 1;
  }
  if (batch.starts.length > 0) yield batch;
}

function toDocLine(batch: Batch, line: number): number {
  let low = 0;
  let high = batch.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((batch.starts[mid] as { batch: number }).batch <= line) low = mid;
    else high = mid - 1;
  }
  const start = batch.starts[low] as { batch: number; doc: number };
  return start.doc + (line - start.batch);
}

class Walker {
  readonly gaps: RawGap[] = [];
  private readonly sections: { depth: number; text: string; line: number }[] = [];
  // The list items being walked, outermost first: a sub-item's gap keeps its parents in its context.
  private readonly items: { start: number; end: number }[] = [];
  private docLine: (line: number) => number = (line) => line;

  constructor(private readonly tag: string) {}

  walkRoot(tree: Root, docLine: (line: number) => number): void {
    this.docLine = docLine;
    for (const child of tree.children) this.walkBlock(child, true);
  }

  /** A root-level heading known without parsing (see gaps-units.ts); it carries no tag. */
  heading(depth: number, text: string, line: number): void {
    this.popSections(depth);
    this.sections.push({ depth, text, line });
  }

  private popSections(depth: number): void {
    while ((this.sections.at(-1)?.depth ?? 0) >= depth) this.sections.pop();
  }

  private walkBlock(node: RootContent, atRoot: boolean): void {
    switch (node.type) {
      case "heading": {
        const own = blockText(node.children, this.tag);
        const line = this.line(node, "start");
        if (!atRoot) {
          // A heading inside a list or quote is not a section of the document.
          this.add(node, own, node.children, "heading", false, this.nearestHeading());
          return;
        }
        this.popSections(node.depth);
        this.add(node, own, node.children, "heading", false, line);
        this.sections.push({ depth: node.depth, text: own.text, line });
        return;
      }
      case "paragraph":
        this.add(node, blockText(node.children, this.tag), node.children, "paragraph", false, this.nearestHeading());
        return;
      case "list":
        for (const item of node.children) this.walkItem(item);
        return;
      case "blockquote":
      case "footnoteDefinition":
        for (const child of node.children) this.walkBlock(child, false);
        return;
      case "table":
        // The header row names columns; the body rows can be requirements (see gaps.ts).
        for (const row of node.children.slice(1)) this.walkRow(row);
        return;
      default:
        // code, html, thematicBreak, definition: nothing a reader would take for a requirement.
        return;
    }
  }

  private walkItem(item: ListItem): void {
    const [first, ...rest] = item.children;
    let pushed = false;
    if (first?.type === "paragraph") {
      const own = blockText(first.children, this.tag);
      this.add(item, own, first.children, "list_item", item.checked === true, this.nearestHeading(), first);
      this.items.push({ start: this.line(item, "start"), end: this.line(first, "end") });
      pushed = true;
    } else if (first) {
      rest.unshift(first);
    }
    for (const child of rest) this.walkBlock(child, false);
    if (pushed) this.items.pop();
  }

  private walkRow(row: TableRow): void {
    const cells = row.children.map((cell) => blockText(cell.children, this.tag));
    if (!cells.some((cell) => cell.tagged)) return;
    const text = cells.map((cell) => cell.text).filter((cellText) => cellText !== "").join(" | ");
    const phrasing = row.children.flatMap((cell) => cell.children);
    this.add(row, { text, tagged: true }, phrasing, "paragraph", false, this.nearestHeading());
  }

  private add(
    node: RootContent,
    own: { text: string; tagged: boolean },
    phrasing: Parameters<typeof codeSpans>[0],
    kind: Gap["kind"],
    checked: boolean,
    headingLine: number,
    ownBlock: RootContent = node,
  ): void {
    // A block that is only the tag names no work: nothing to propose.
    if (!own.tagged || own.text === "") return;
    this.gaps.push({
      line: this.line(node, "start"),
      endLine: this.line(ownBlock, "end"),
      text: own.text,
      section: this.sections.map((section) => section.text),
      checked,
      kind,
      files: namedFiles(own.text, codeSpans(phrasing)),
      headingLine,
      parents: this.items.map((item) => ({ ...item })),
    });
  }

  private nearestHeading(): number {
    return this.sections.at(-1)?.line ?? 0;
  }

  private line(node: RootContent, edge: "start" | "end"): number {
    const point = node.position?.[edge];
    // mdast-util-from-markdown always sets positions; 1 keeps the type honest without a throw path.
    return this.docLine(point?.line ?? 1);
  }
}
