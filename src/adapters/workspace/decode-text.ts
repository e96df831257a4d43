// Only valid UTF-8 (see NotTextError in ports/workspace.ts) is text: a Latin-1 or binary file decoded leniently turns every odd byte into U+FFFD,
// and writing that back destroys the file. A byte-order mark is kept, so a file written back keeps it.
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of `bytes`, or undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}
