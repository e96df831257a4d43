import { createRequire as __prdBotCreateRequire } from 'node:module'; const require = __prdBotCreateRequire(import.meta.url);

// src/core/audit/claim-sentences.ts
var FENCE = /^\s*(```|~~~)/;
var HEDGE = /\b(?:not|never|no\s+longer|without|todo|fixme|untested|unverified|needs?\s+to|should|please|will|would|could|might|may|yet\s+to|to\s+be|going\s+to|plan(?:s|ned)?\s+to|once|if|whether|until|pending|unable|cannot|can't|didn't|don't|doesn't|isn't|aren't|wasn't|haven't|hasn't|won't|failed\s+to|before\s+merg\w*|wip)\b|\?/i;
function claimSentences(sources) {
  const sentences = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { source, text } of sources) {
    const withoutComments = text.replace(/<!--[\s\S]*?-->/g, " ");
    const prose = [];
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
function isHedged(sentence) {
  return HEDGE.test(sentence);
}
function quoteClaim(sentence, max = 120) {
  const one = sentence.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}\u2026`;
}

export {
  claimSentences,
  isHedged,
  quoteClaim
};
