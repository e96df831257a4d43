// Words for retrieval: code identifiers split at case and punctuation changes (parseCsvRow → parse, csv,
// row; HTTPServer → http, server), and the query terms of a gap with the words that name no code left out.

// Upper-case runs (HTTP), capitalised words (Server), lower-case runs, uncased letters (CJK) and digits.
const TOKEN = /\p{Lu}{2,}(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}|\p{Lo}+|\p{Nd}+/gu;

/** Words of `text` as written (case kept: the index lower-cases the ones it keeps). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

// English glue and the verbs PRDs use for every requirement: they match everywhere and say nothing.
const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could do does each for from has have how if in into is it its " +
    "may more must no not of on one or our shall should so some such than that the their them then there " +
    "these they this those to too was we were what when where which while who will with would you your " +
    "add adds added adding allow allows also ensure ensures implement implements make makes need needs new " +
    "support supports supported use uses used using via want wants able like etc eg ie todo"
  ).split(" "),
);

/**
 * Query terms for a gap: its text, its section path and the names in the files it mentions, lower-cased,
 * light-stemmed (plural and -ing/-ed endings cut, since the index matches term prefixes), without
 * stopwords and one-letter words, in order of first appearance.
 */
export function queryTerms(parts: readonly string[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const word of tokenize(part)) {
      const lower = word.toLowerCase();
      if (lower.length < 2 || STOPWORDS.has(lower)) continue;
      const term = stem(lower);
      if (seen.has(term)) continue;
      seen.add(term);
      terms.push(term);
    }
  }
  return terms;
}

/**
 * Cuts an inflection when at least 4 letters remain, so the prefix search finds every form:
 * exports → export, parsing/parsed → pars, queries → quer, matches → match, invoices → invoice.
 */
export function stem(term: string): string {
  const cut = (suffix: number): string => (term.length - suffix >= 4 ? term.slice(0, -suffix) : term);
  if (term.endsWith("ing") || term.endsWith("ies")) return cut(3);
  if (term.endsWith("ed")) return cut(2);
  if (/(?:x|s|z|ch|sh)es$/.test(term)) return cut(2);
  if (term.endsWith("s") && !/(?:ss|us|is)$/.test(term)) return cut(1);
  return term;
}
