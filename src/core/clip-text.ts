// Keeping the ends of a long text: the head says what it started as, the tail how it ended, and the
// marker between them says how much is missing, so a clipped text is never mistaken for a whole one.

/** `text` when it has at most `maxChars` characters; else its head and tail around an "omitted" marker. */
export function clipMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const keep = Math.max(0, maxChars - 120);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n[… prd-bot clipped ${omitted} of ${text.length} characters here …]\n${tail > 0 ? text.slice(-tail) : ""}`;
}
