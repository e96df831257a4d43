// The sentences of a PR's text that can carry a claim: markdown code blocks, quotes, HTML comments (PR
// templates) and unticked checklist items are left out; each source also says whether it quotes output.

export interface ClaimSentence {
  text: string;
  /** "title", "body" or "commit <n>". */
  source: string;
  /** The source quotes output (a code block or a quote): evidence for a claim of verification. */
  quotesOutput: boolean;
}

const FENCE = /^\s*(```|~~~)/;
const HEDGE =
  /\b(?:not|never|no\s+longer|without|todo|fixme|untested|unverified|needs?\s+to|should|please|will|would|could|might|may|yet\s+to|to\s+be|going\s+to|plan(?:s|ned)?\s+to|once|if|whether|until|pending|unable|cannot|can't|didn't|don't|doesn't|isn't|aren't|wasn't|haven't|hasn't|won't|failed\s+to|before\s+merg\w*|wip)\b|\?/i;

export function claimSentences(sources: { source: string; text: string }[]): ClaimSentence[] {
  const sentences: ClaimSentence[] = [];
  const seen = new Set<string>();
  for (const { source, text } of sources) {
    const withoutComments = text.replace(/<!--[\s\S]*?-->/g, " ");
    const prose: string[] = [];
    let fenced = false;
    let quotesOutput = false;
    for (const line of withoutComments.split(/\r?\n/)) {
      if (FENCE.test(line)) {
        fenced = !fenced;
        quotesOutput = true;
        continue;
      }
      if (fenced) continue;
      if (/^\s*>/.test(line) || /^( {4,}|\t)\S/.test(line)) {
        quotesOutput = true;
        continue;
      }
      if (/^\s*[-*+]\s+\[\s\]/.test(line)) continue;
      prose.push(line.replace(/^\s*[-*+]\s+\[[xX]\]\s*/, "").replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
    }
    for (const paragraph of prose.join("\n").split(/\n\s*\n/)) {
      for (const sentence of paragraph.replace(/\s*\n\s*/g, " ").split(/(?<=[.!;])\s+(?=[A-Z`*_(])/)) {
        const clean = sentence.trim();
        if (clean.length < 6 || seen.has(clean)) continue;
        seen.add(clean);
        sentences.push({ text: clean, source, quotesOutput });
      }
    }
  }
  return sentences;
}

/** The sentence hedges or negates what it says ("not yet verified live", "should be tested on staging"). */
export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence);
}

/** A claim as it is quoted back: one line, at most `max` characters. */
export function quoteClaim(sentence: string, max = 120): string {
  const one = sentence.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}
