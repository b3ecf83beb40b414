import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { isReady } from "./db/client.js";
import type { Deps } from "./deps.js";
import { actions } from "./features/actions/index.js";
import { audit } from "./features/audit/index.js";
import { auth } from "./features/auth/index.js";
import { calendar } from "./features/calendar/index.js";
import { directory } from "./features/directory/index.js";
import { facts } from "./features/facts/index.js";
import { faq } from "./features/faq/index.js";
import { ger } from "./features/ger/index.js";
import { groups } from "./features/groups/index.js";
import { inbox } from "./features/inbox/index.js";
import { invitations } from "./features/invitations/index.js";
import { mail } from "./features/mail/index.js";
import { meetingWork } from "./features/meeting-work/index.js";
import { meetings } from "./features/meetings/index.js";
import { news } from "./features/news/index.js";
import { pages } from "./features/pages/index.js";
import { products } from "./features/products/index.js";
import { publications } from "./features/publications/index.js";
import { recovery } from "./features/recovery/index.js";
import { reports } from "./features/reports/index.js";
import { roadmap } from "./features/roadmap/index.js";
import { search } from "./features/search/index.js";
import { setup } from "./features/setup/index.js";
import { site } from "./features/site/index.js";
import { sso } from "./features/sso/index.js";
import { subscriptions } from "./features/subscriptions/index.js";
import { technology } from "./features/technology/index.js";
import { tokens } from "./features/tokens/index.js";
import { enrolmentGate } from "./features/two-factor/enrolment-gate.pages.js";
import { twoFactor } from "./features/two-factor/index.js";
import { workplan } from "./features/workplan/index.js";
import { pageCache } from "./http/cache.js";
import type { AppEnv } from "./http/env.js";
import { errorPage, handleError } from "./http/error-pages.js";
import { AppError } from "./http/errors.js";
import type { Feature } from "./http/feature.js";
import { rejectMalformedInput } from "./http/input-guard.js";
import { csrfProtection, loadActor, requestLogging } from "./http/middleware.js";
import { apiDocs, createApi } from "./http/openapi.js";
import {
  CONTACT_BODY_LIMIT,
  IMPORT_BODY_LIMIT,
  isContactPath,
  isImportPath,
  isUploadPath,
  UPLOAD_BODY_LIMIT,
} from "./http/uploads.js";
import { assetRoutes } from "./web/assets.js";

/**
 * Every feature, in the order its routes are tried. Where two features share a path, the fixed one
 * comes first: subscriptions before news (/news/subscribe is not an article), meetings before
 * meeting work (/private/meetings/new is not a meeting).
 */
const features: Feature[] = [
  site,
  directory,
  sso,
  auth,
  twoFactor,
  setup,
  recovery,
  invitations,
  audit,
  facts,
  tokens,
  subscriptions,
  news,
  mail,
  publications,
  faq,
  pages,
  search,
  roadmap,
  ger,
  groups,
  workplan,
  meetings,
  technology,
  meetingWork,
  products,
  actions,
  calendar,
  inbox,
  reports,
];

/** Builds the whole application: middleware, error handling, and every feature's routes. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) =>
    (await isReady(deps.db)) ? c.json({ status: "ready" }) : c.json({ status: "unavailable" }, 503),
  );
  app.route("/", assetRoutes());

  // Cached visitor pages are answered before any other middleware: that is what keeps them fast.
  app.use(pageCache(deps));
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(requestLogging(deps));
  // Registered before the security headers so that it runs after them: an uploaded SVG logo, opened
  // on its own, is a document, and nothing in it may run or load.
  app.use("/site-logo/*", async (c, next) => {
    await next();
    if (c.res.headers.get("content-type") === "image/svg+xml") {
      c.res.headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "https:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? "max-age=31536000; includeSubDomains" : false,
      referrerPolicy: "strict-origin-when-cross-origin",
      // Headers for browsers long gone (IE's download prompt and XSS filter) or that only tune DNS
      // prefetching: every response would carry them, cached pages included, for nothing.
      xXssProtection: false,
      xDownloadOptions: false,
      xDnsPrefetchControl: false,
    }),
  );
  // Checking the body size makes the server build a full Request, so only do it where there is a body.
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large", "The request is too large (1 MB at most).");
    },
  });
  // File uploads (PDFs) get a larger limit on their own form addresses only.
  const limitUpload = bodyLimit({
    maxSize: UPLOAD_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", "The upload is too large (PDF files can be at most 50 MB).");
    },
  });
  // Mission imports take whole files (100,000 missions) on their own addresses only.
  const limitImport = bodyLimit({
    maxSize: IMPORT_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", "The file is too large (64 MB at most).");
    },
  });
  // The public contact form takes a few PDFs, never as much as the secretariat's uploads.
  const limitContact = bodyLimit({
    maxSize: CONTACT_BODY_LIMIT,
    onError: () => {
      throw new AppError(
        "payload_too_large",
        "The message is too large: PDF files can be at most 20 MB together.",
      );
    },
  });
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD"
      ? next()
      : isUploadPath(c.req.path)
        ? limitUpload(c, next)
        : isImportPath(c.req.path)
          ? limitImport(c, next)
          : isContactPath(c.req.path)
            ? limitContact(c, next)
            : limitBody(c, next),
  );
  // After the body limit: it may read a JSON body, which must not be larger than allowed.
  app.use(rejectMalformedInput());
  app.use(loadActor(deps));
  app.use(csrfProtection(deps));
  app.use(enrolmentGate());

  for (const feature of features) for (const pages of feature.pages) app.route("/", pages());
  const api = createApi();
  for (const feature of features) for (const register of feature.api ?? []) register(api);
  app.route("/api/v1", api);
  app.route("/", apiDocs(api, { title: "Coordination platform API", version: "1" }));

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) {
      return c.json(
        { error: { code: "not_found", message: "No such API resource.", requestId: c.var.requestId } },
        404,
      );
    }
    return errorPage(c, 404, "There is no page at this address. It may have moved.");
  });
  app.onError(handleError);
  return app;
}
