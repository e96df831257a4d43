// Reads the shape of the zod config schema, so that error hints ("did you mean `max_files`?") and
// empty-value handling follow the schema instead of a second, hand-kept list of keys.
import type { z } from "zod";

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"]);

/** The schema under defaults, optionals and pipes: what the value itself must look like. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** True when the key may be left out (it is optional or has a default). */
export function mayBeOmitted(schema: z.ZodType): boolean {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === "default" || def.type === "prefault" || def.type === "optional") return true;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else return false;
  }
}

/** The schema of one child: an object's key, a record's value, a list's item. */
export function childSchema(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === "object") return def.shape?.[String(key)];
  if (def.type === "record") return def.valueType;
  if (def.type === "array") return def.element;
  return undefined;
}

/** The schema found by following a key path from the root; undefined when the path leaves it. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = childSchema(current, key);
  }
  return current;
}

/** The keys an object accepts at this path (empty when the path is not an object). */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(root, path);
  if (at === undefined) return [];
  const def = defOf(unwrap(at));
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Every fixed key path of the schema (record entries and list items are not expanded). */
export function allKeyPaths(root: z.ZodType, prefix: string[] = []): string[][] {
  const def = defOf(unwrap(root));
  if (def.type !== "object" || !def.shape) return [];
  const out: string[][] = [];
  for (const [key, child] of Object.entries(def.shape)) {
    const path = [...prefix, key];
    out.push(path, ...allKeyPaths(child, path));
  }
  return out;
}
