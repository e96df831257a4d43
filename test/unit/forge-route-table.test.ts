// How the test forges find an operation for a request path, and the OpenAPI `nullable` rewrite.
import { describe, expect, it } from "vitest";
import type { ApiOperation } from "../support/forge/api-description.js";
import { rewriteNullable } from "../support/forge/api-description.js";
import { RouteTable } from "../support/forge/route-table.js";

function operation(method: string, template: string, multi: string[] = []): ApiOperation {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  return {
    method,
    template,
    operationId: `${method} ${template}`,
    docsUrl: undefined,
    params: names.map((name) => ({ name, in: "path", required: true, schema: {}, multiSegment: multi.includes(name), type: "string", itemType: undefined, csv: false })),
    body: undefined,
    responses: new Map(),
  };
}

const table = new RouteTable([
  operation("GET", "/repos/{owner}/{repo}/pulls/{pull_number}"),
  operation("GET", "/repos/{owner}/{repo}/pulls/comments"),
  operation("GET", "/repos/{owner}/{repo}/contents/{path}", ["path"]),
  operation("GET", "/repos/{owner}/{repo}/pulls/{index}.{diffType}"),
  operation("GET", "/repos/{owner}/{repo}/pulls/{base}/{head}", ["head"]),
  operation("GET", "/repos/{owner}/{repo}/pulls/{index}/files"),
]);
const match = (path: string) => table.match("GET", path.split("/").slice(1));

describe("RouteTable", () => {
  it("prefers a literal segment over a parameter", () => {
    expect(match("/repos/a/b/pulls/comments")?.operation.template).toBe("/repos/{owner}/{repo}/pulls/comments");
    expect(match("/repos/a/b/pulls/7")?.params).toEqual({ owner: "a", repo: "b", pull_number: "7" });
    expect(match("/repos/a/b/pulls/7/files")?.operation.template).toBe("/repos/{owner}/{repo}/pulls/{index}/files");
  });

  it("lets a multi-segment parameter span slashes, and only that one", () => {
    expect(match("/repos/a/b/contents/src/deep/file.ts")?.params.path).toBe("src/deep/file.ts");
    expect(match("/repos/a/b/pulls/main/feature/x")?.params).toEqual({ owner: "a", repo: "b", base: "main", head: "feature/x" });
    expect(match("/repos/a/b/contents")).toBeUndefined();
    const single = new RouteTable([operation("GET", "/repos/{owner}/{repo}/pulls/{pull_number}")]);
    expect(single.match("GET", ["repos", "a", "b", "pulls", "7", "extra"])).toBeUndefined();
  });

  it("matches parameters inside a segment (Gitea's {index}.{diffType})", () => {
    expect(match("/repos/a/b/pulls/3.diff")?.params).toMatchObject({ index: "3", diffType: "diff" });
  });

  it("rejects other methods, empty segments and trailing slashes", () => {
    expect(table.match("POST", ["repos", "a", "b", "pulls", "1"])).toBeUndefined();
    expect(match("/repos/a//pulls/1")).toBeUndefined();
    expect(match("/repos/a/b/pulls/1/")).toBeUndefined();
  });

  it("finds a template by shape whatever its parameter names, and suggests near ones", () => {
    expect(table.findTemplate("get", "/repos/{o}/{r}/pulls/{n}")?.template).toBe("/repos/{owner}/{repo}/pulls/{pull_number}");
    expect(table.similar("GET", "/repos/{o}/{r}/pull/comments")[0]).toBe("/repos/{owner}/{repo}/pulls/comments");
  });
});

describe("rewriteNullable", () => {
  it("wraps a typeless nullable schema in anyOf with null and lets nullable enums hold null", () => {
    const doc = {
      a: { nullable: true, allOf: [{ $ref: "#/x" }], description: "d" },
      b: { type: "string", enum: ["x"], nullable: true },
      c: { type: "string", nullable: true },
    };
    rewriteNullable(doc);
    expect(doc).toEqual({
      a: { anyOf: [{ type: "null" }, { allOf: [{ $ref: "#/x" }], description: "d" }] },
      b: { type: "string", enum: ["x", null], nullable: true },
      c: { type: "string", nullable: true },
    });
  });
});
