// Gitea 1.24 added `POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`; the 1.22 Swagger
// file the test forge validates against does not have it. This operation is written locally from Gitea's
// source (modules/structs CreateActionWorkflowDispatch: `ref` required, `inputs` a string map; routers/api/v1
// answers 204) and validated leniently: unknown body fields and the later `return_run_details` query pass.
import type { ApiOperation } from "./api-description.js";

export const GITEA_DISPATCH_TEMPLATE = "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";

export function giteaDispatchOperation(): ApiOperation {
  const pathParam = (name: string) => ({ name, in: "path" as const, required: true, schema: { type: "string" }, multiSegment: false, type: "string", itemType: undefined, csv: false });
  return {
    method: "POST",
    template: GITEA_DISPATCH_TEMPLATE,
    operationId: "ActionsDispatchWorkflow",
    docsUrl: "https://docs.gitea.com/api/1.24/",
    params: [
      pathParam("owner"),
      pathParam("repo"),
      pathParam("workflow_id"),
      { name: "return_run_details", in: "query", required: false, schema: { type: "boolean" }, multiSegment: false, type: "boolean", itemType: undefined, csv: false },
    ],
    body: {
      required: true,
      schema: {
        type: "object",
        required: ["ref"],
        properties: { ref: { type: "string", minLength: 1 }, inputs: { type: "object", additionalProperties: { type: "string" } } },
      },
    },
    responses: new Map([
      ["204", undefined],
      ["400", undefined],
      ["403", undefined],
      ["404", undefined],
      ["422", undefined],
    ]),
    localNote: "not in the Gitea 1.22 description; local schema after Gitea 1.24 (see gitea-dispatch-schema.ts)",
  };
}
