import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { TableScroll } from "../web/components.js";
import type { AppEnv } from "./env.js";
import { AppError, type FieldErrors } from "./errors.js";
import { renderPage } from "./page.js";
import { provenanceForMembersOnly } from "./provenance.js";

/** The JSON API: every feature registers its routes here; bad input becomes a 422 with field messages. */
export function createApi() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const fields: FieldErrors = {};
      for (const issue of result.error.issues) fields[issue.path.join(".") || "_body"] ??= issue.message;
      throw new AppError("validation_failed", "The request is not valid.", fields);
    },
  });
  api.use("*", provenanceForMembersOnly);
  return api;
}
export type Api = ReturnType<typeof createApi>;

type Operation = { summary?: string; description?: string; tags?: string[]; security?: unknown[] };

/** Serves the OpenAPI document and a readable reference page generated from it. */
export function apiDocs(api: Api, info: { title: string; version: string }) {
  const app = new Hono<AppEnv>();
  api.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "isecg_session",
    description: "The session cookie set by signing in on the website.",
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "An agency's API token (Private area → API tokens): acts for that agency only, with its owner's " +
      "rights of today there (at most a focal point's; a demoted owner's token reads, a deactivated one's is refused). " +
      "When present, any session cookie is ignored.",
  });
  const document = () =>
    withBearerAlternative(
      api.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          ...info,
          description:
            "JSON API of the coordination platform. Errors are `{ error: { code, message, fields?, requestId } }`. " +
            "Where a record came from and how certain it is (`sources`, `uncertain` and their notes) are " +
            "answered to signed-in members only.",
        },
        servers: [{ url: "/api/v1" }],
      }),
    );
  app.get("/api/openapi.json", (c) => c.json(document()));
  app.get("/api", (c) => {
    const doc = document();
    const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
    );
    return renderPage(c, {
      title: "API reference",
      body: () => (
        <div class="wrap prose-page">
          <h1>API reference</h1>
          <p class="lead">
            Every resource is available as JSON under <code>/api/v1</code>. The machine-readable description
            is the <a href="/api/openapi.json">OpenAPI document</a>.
          </p>
          <p>
            Reading public data needs no sign-in. Writing needs a session with the right role, or an agency's
            API token sent as <code>Authorization: Bearer …</code> (its owner's rights of today for that
            agency, at most a focal point's). Errors answer with a stable <code>code</code> (
            <code>bad_request</code>, <code>validation_failed</code>, <code>unauthenticated</code>,{" "}
            <code>forbidden</code>, <code>not_found</code>, <code>conflict</code>,{" "}
            <code>payload_too_large</code>, <code>unsupported_media_type</code>, <code>rate_limited</code>,{" "}
            <code>internal</code>, <code>unavailable</code> with a <code>Retry-After</code> header) and the{" "}
            <code>requestId</code> to quote.
          </p>
          <TableScroll label="Endpoints">
            <table>
              <caption>Endpoints</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">What it does</th>
                </tr>
              </thead>
              <tbody>
                {ops.map(({ path, method, op }) => (
                  <tr>
                    <td>
                      <code class="method">{method.toUpperCase()}</code>
                    </td>
                    <td>
                      <code>/api/v1{path}</code>
                    </td>
                    <td>
                      {op.summary}
                      {op.description ? <div class="muted small">{op.description}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ),
    });
  });
  return app;
}

type Doc = ReturnType<Api["getOpenAPI31Document"]>;

/** Every operation that accepts the session cookie accepts an agency's bearer token too. */
function withBearerAlternative(doc: Doc): Doc {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      const security = op.security as Array<Record<string, string[]>> | undefined;
      if (security?.some((s) => "session" in s) && !security.some((s) => "bearer" in s)) {
        security.push({ bearer: [] });
      }
    }
  }
  return doc;
}
