// Page-number pagination for both forges. It follows `?page=N` on the same route rather than the Link
// header's absolute URL, because a Gitea whose ROOT_URL is misconfigured (behind a proxy) prints links to a
// host the runner cannot reach. Stops at the last page, when `enough` says so, or after `maxPages`.

export interface Page<T> {
  items: T[];
  /** The answer's Link header, if any. */
  link: string | undefined;
}

export async function collectPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { pageSize: number; maxPages?: number; enough?: (items: T[]) => boolean },
): Promise<T[]> {
  const all: T[] = [];
  const maxPages = options.maxPages ?? 20;
  for (let page = 1; page <= maxPages; page++) {
    const { items, link } = await fetchPage(page);
    all.push(...items);
    if (options.enough?.(all)) break;
    const hasNext = link ? /rel="next"/.test(link) : items.length >= options.pageSize;
    if (!hasNext || items.length === 0) break;
  }
  return all;
}
