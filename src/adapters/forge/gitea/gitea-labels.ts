// Gitea adds labels to a pull request by id (names only work from 1.22 on, and only on some routes), so
// names are looked up once per forge and missing labels are created, as GitHub does on first use.
import type { Octokit } from "@octokit/core";
import { collectPages } from "../collect-pages.js";
import { isHttpError } from "../http-error.js";
import { labelAnswer, parseAnswer } from "./gitea-answers.js";

const PAGE = 50; // Gitea's default MAX_RESPONSE_ITEMS
const NEW_LABEL_COLOR = "#ededed";

export interface LabelIds {
  /** Ids of `names`, creating labels that do not exist yet. */
  ensure(names: string[]): Promise<number[]>;
  /** Id of an existing label, or undefined. */
  find(name: string): Promise<number | undefined>;
}

export function createLabelIds(octokit: Octokit, repo: { owner: string; repo: string }, apiUrl: string, operation: string): LabelIds {
  let known: Promise<Map<string, number>> | undefined;

  const list = async (): Promise<Map<string, number>> => {
    const labels = await collectPages(
      async (page) => {
        const { data, headers } = await octokit.request("GET /repos/{owner}/{repo}/labels" as string, { ...repo, page, limit: PAGE });
        return { items: parseAnswer(labelAnswer.array(), data, operation, "the label list", apiUrl), link: headers.link };
      },
      { pageSize: PAGE },
    );
    return new Map(labels.map((label) => [label.name, label.id]));
  };

  const current = () => {
    known ??= list();
    known.catch(() => (known = undefined));
    return known;
  };

  async function create(name: string): Promise<number> {
    try {
      const { data } = await octokit.request("POST /repos/{owner}/{repo}/labels" as string, { ...repo, name, color: NEW_LABEL_COLOR });
      return parseAnswer(labelAnswer, data, operation, "the new label", apiUrl).id;
    } catch (error) {
      // Another run created it meanwhile: take theirs.
      if (!isHttpError(error) || (error.status !== 409 && error.status !== 422)) throw error;
      known = undefined;
      const id = (await current()).get(name);
      if (id === undefined) throw error;
      return id;
    }
  }

  return {
    async find(name) {
      return (await current()).get(name);
    },
    async ensure(names) {
      const ids: number[] = [];
      for (const name of names) {
        const labels = await current();
        let id = labels.get(name);
        if (id === undefined) {
          id = await create(name);
          labels.set(name, id);
        }
        ids.push(id);
      }
      return ids;
    },
  };
}
