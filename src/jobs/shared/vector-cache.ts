// Embedding vectors cached in the state store by content id (a chunk id is derived from its text), one file per
// embeddings model: an unchanged document is never embedded twice, and a new model never reuses another's
// vectors. Stored as base64 float32 (a 768-dimension vector is ~4 KB of JSON).
import { createHash } from "node:crypto";
import type { Embedder } from "../../adapters/model/embedder.js";
import type { StateStore } from "../../ports/state.js";

export function vectorCachePath(embedderId: string): string {
  const slug = embedderId.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60);
  return `embeddings/${slug}-${createHash("sha256").update(embedderId).digest("hex").slice(0, 8)}.json`;
}

interface CacheFile {
  model: string;
  vectors: Record<string, string>;
}

/** Vectors for `items` (by id): cached ones read, the others embedded in one pass and written back. */
export async function cachedVectors(
  state: StateStore,
  embedder: Embedder,
  items: readonly { id: string; text: string }[],
): Promise<{ vectors: Map<string, Float32Array>; embedded: number }> {
  const path = vectorCachePath(embedder.id);
  const cached = parse(await state.read(path), embedder.id);
  const vectors = new Map<string, Float32Array>();
  const missing: { id: string; text: string }[] = [];
  for (const item of items) {
    const stored = cached.vectors[item.id];
    if (stored !== undefined) vectors.set(item.id, decode(stored));
    else if (!missing.some((m) => m.id === item.id)) missing.push(item);
  }
  if (missing.length === 0) return { vectors, embedded: 0 };
  const fresh = await embedder.embed(missing.map((item) => item.text));
  const additions: Record<string, string> = {};
  missing.forEach((item, i) => {
    const vector = fresh[i] as Float32Array;
    vectors.set(item.id, vector);
    additions[item.id] = encode(vector);
  });
  await state.transact(async (tx) => {
    const current = parse(await tx.read(path), embedder.id);
    tx.write(path, JSON.stringify({ model: embedder.id, vectors: { ...current.vectors, ...additions } }) + "\n");
  });
  return { vectors, embedded: missing.length };
}

function parse(text: string | undefined, model: string): CacheFile {
  if (!text) return { model, vectors: {} };
  try {
    const value = JSON.parse(text) as Partial<CacheFile>;
    return { model, vectors: value.vectors && typeof value.vectors === "object" ? value.vectors : {} };
  } catch {
    return { model, vectors: {} }; // a damaged cache costs a re-embedding, nothing else
  }
}

function encode(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
}

function decode(text: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}
