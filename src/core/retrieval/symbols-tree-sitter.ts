// Definitions from a tree-sitter parse tree. One table per language says which node types define what;
// the walk descends into containers (classes, impls, traits, modules) for their members and into
// groups (Go's `type (...)`, `const x, y = ...`) for their specs, and nowhere else: a function's local
// helpers are not part of the file's outline.
import type { Node, Parser } from "web-tree-sitter";
import type { ParsedLanguage } from "./code-languages.js";
import { oneLine, type CodeSymbol, type SymbolKind } from "./symbol-types.js";

interface Spec {
  /** Node type → kind (a function decides from the node; undefined: not a definition). */
  definitions: Record<string, SymbolKind | ((node: Node, inContainer: boolean) => SymbolKind | undefined)>;
  /** Definitions whose body holds members worth listing. */
  containers: Set<string>;
  /** Nodes that wrap a definition (export, decorators): their start line is the symbol's. */
  wrappers: Set<string>;
  /** Nodes whose named children are definitions of the same level. */
  groups: Set<string>;
  /** Top-level-only definitions (module constants): not collected inside containers. */
  topOnly?: Set<string>;
}

const member = (kind: SymbolKind) => (_node: Node, inContainer: boolean): SymbolKind => (inContainer ? "method" : kind);

const ECMASCRIPT: Spec = {
  definitions: {
    function_declaration: "function",
    generator_function_declaration: "function",
    class_declaration: "class",
    abstract_class_declaration: "class",
    method_definition: "method",
    method_signature: "method",
    abstract_method_signature: "method",
    interface_declaration: "interface",
    type_alias_declaration: "type",
    enum_declaration: "enum",
    internal_module: "module",
    module: "module",
    variable_declarator: (node) => {
      const value = node.childForFieldName("value")?.type;
      if (value === "arrow_function" || value === "function_expression" || value === "function" || value === "generator_function") return "function";
      if (value === "class") return "class";
      return "constant";
    },
    public_field_definition: (node) => {
      const value = node.childForFieldName("value")?.type;
      return value === "arrow_function" || value === "function_expression" ? "method" : undefined;
    },
  },
  containers: new Set(["class_declaration", "abstract_class_declaration", "interface_declaration", "internal_module", "module"]),
  wrappers: new Set(["export_statement", "ambient_declaration"]),
  groups: new Set(["lexical_declaration", "variable_declaration"]),
  topOnly: new Set(["lexical_declaration", "variable_declaration"]),
};

const SPECS: Record<ParsedLanguage, Spec> = {
  typescript: ECMASCRIPT,
  tsx: ECMASCRIPT,
  javascript: ECMASCRIPT,
  python: {
    definitions: {
      function_definition: member("function"),
      class_definition: "class",
      assignment: (node, inContainer) => {
        if (inContainer || node.childForFieldName("left")?.type !== "identifier") return undefined;
        return "constant";
      },
    },
    containers: new Set(["class_definition"]),
    wrappers: new Set(["decorated_definition"]),
    groups: new Set(["expression_statement"]),
    topOnly: new Set(["expression_statement"]),
  },
  go: {
    definitions: {
      function_declaration: "function",
      method_declaration: "method",
      type_spec: (node) => goType(node),
      type_alias: "type",
      const_spec: "constant",
      var_spec: "variable",
    },
    containers: new Set(),
    wrappers: new Set(),
    groups: new Set(["type_declaration", "const_declaration", "var_declaration"]),
  },
  rust: {
    definitions: {
      function_item: member("function"),
      function_signature_item: "method",
      struct_item: "struct",
      union_item: "struct",
      enum_item: "enum",
      trait_item: "trait",
      impl_item: "impl",
      mod_item: "module",
      const_item: "constant",
      static_item: "constant",
      type_item: "type",
      macro_definition: "macro",
    },
    containers: new Set(["trait_item", "impl_item", "mod_item"]),
    wrappers: new Set(),
    groups: new Set(),
  },
  java: {
    definitions: {
      class_declaration: "class",
      interface_declaration: "interface",
      enum_declaration: "enum",
      record_declaration: "class",
      annotation_type_declaration: "interface",
      method_declaration: "method",
      constructor_declaration: "method",
    },
    containers: new Set(["class_declaration", "interface_declaration", "enum_declaration", "record_declaration"]),
    wrappers: new Set(),
    groups: new Set(),
  },
};

function goType(node: Node): SymbolKind {
  const type = node.childForFieldName("type")?.type;
  return type === "struct_type" ? "struct" : type === "interface_type" ? "interface" : "type";
}

/** The definitions in `content`, or null when the parser gave up (the caller falls back). */
export function treeSitterSymbols(parser: Parser, language: ParsedLanguage, content: string): CodeSymbol[] | null {
  const tree = parser.parse(content);
  if (!tree) return null;
  try {
    const spec = SPECS[language];
    const out: CodeSymbol[] = [];
    walk(tree.rootNode, spec, undefined, 0, out, content);
    out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    return out;
  } finally {
    tree.delete();
  }
}

const MAX_DEPTH = 4;

function walk(parent: Node, spec: Spec, container: string | undefined, depth: number, out: CodeSymbol[], content: string): void {
  for (const child of parent.namedChildren) {
    if (!child) continue;
    visit(child, child, spec, container, depth, out, content);
  }
}

function visit(node: Node, outer: Node, spec: Spec, container: string | undefined, depth: number, out: CodeSymbol[], content: string): void {
  const type = node.type;
  if (spec.wrappers.has(type)) {
    for (const inner of node.namedChildren) if (inner) visit(inner, outer, spec, container, depth, out, content);
    return;
  }
  if (spec.groups.has(type)) {
    if (container !== undefined && spec.topOnly?.has(type)) return;
    // The first spec starts where the declaration (or its export) starts; later ones where they are.
    node.namedChildren.forEach((inner, i) => {
      if (inner) visit(inner, i === 0 ? outer : inner, spec, container, depth, out, content);
    });
    return;
  }
  const rule = spec.definitions[type];
  if (rule === undefined) return;
  const kind = typeof rule === "function" ? rule(node, container !== undefined) : rule;
  if (kind === undefined) return;
  const name = nameOf(node, type);
  if (!name) return;
  const startLine = outer.startPosition.row + 1;
  const endLine = lastLine(node.endPosition.row > outer.endPosition.row ? node : outer);
  const owner = type === "method_declaration" && !container ? goReceiver(node) : container;
  out.push({ name, kind, startLine, endLine, signature: signatureOf(node, SIGNATURE_FROM_OUTER.has(outer.type) ? outer.startIndex : node.startIndex, content), ...(owner !== undefined ? { container: owner } : {}) });
  if (spec.containers.has(type) && depth < MAX_DEPTH) {
    const body = node.childForFieldName("body");
    if (body) walk(body, spec, name, depth + 1, out, content);
  }
}

/** Go: `func (s *Server) Serve()` belongs to Server. */
function goReceiver(node: Node): string | undefined {
  const receiver = node.childForFieldName("receiver")?.text;
  return receiver ? /(\w+)(?:\[[^\]]*\])?\s*\)\s*$/.exec(receiver)?.[1] : undefined;
}

function lastLine(node: Node): number {
  // A node ending at column 0 ends on the previous line (its trailing newline belongs to it).
  return node.endPosition.column === 0 && node.endPosition.row > node.startPosition.row ? node.endPosition.row : node.endPosition.row + 1;
}

function nameOf(node: Node, type: string): string | undefined {
  if (type === "impl_item") {
    const target = node.childForFieldName("type")?.text;
    const trait = node.childForFieldName("trait")?.text;
    return target ? (trait ? `${trait} for ${target}` : target) : undefined;
  }
  if (type === "assignment") return node.childForFieldName("left")?.text;
  const name = node.childForFieldName("name");
  if (name) return name.text;
  // Go's `const a, b = …` has several names; JS `export default class {}` none.
  return undefined;
}

/** Wrappers whose words belong in the signature (`export const`, Go's `type`); decorators do not. */
const SIGNATURE_FROM_OUTER = new Set(["export_statement", "lexical_declaration", "variable_declaration", "type_declaration", "const_declaration", "var_declaration"]);

function signatureOf(node: Node, start: number, content: string): string {
  const body = node.childForFieldName("body");
  let end = body && body.startIndex > start ? body.startIndex : node.endIndex;
  const newline = content.indexOf("\n", node.startIndex);
  // Without a body (a constant, a type alias), the first line says enough.
  if (!body && newline >= 0 && newline < end) end = newline;
  let text = content.slice(start, Math.min(end, start + 600));
  // Python: the header ends at the colon that opens the block; comments may sit between it and the body.
  if (node.type === "function_definition" || node.type === "class_definition") text = pythonHeader(text);
  return oneLine(text);
}

function pythonHeader(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "(" || ch === "[" || ch === "{") depth += 1;
    else if (ch === ")" || ch === "]" || ch === "}") depth -= 1;
    else if (ch === ":" && depth === 0) return text.slice(0, i);
  }
  return text;
}
