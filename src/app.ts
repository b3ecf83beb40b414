import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { isReady } from "./db/client.js";
import type { Deps } from "./deps.js";
import { auditPages } from "./features/audit/audit.pages.js";
import { accountPages } from "./features/auth/account.pages.js";
import { authPages } from "./features/auth/auth.pages.js";
import { chairAdminPages } from "./features/directory/chairs.pages.js";
import { registerDirectoryApi } from "./features/directory/directory.api.js";
import { memberPages } from "./features/directory/members.pages.js";
import { organisationAdminPages } from "./features/directory/organisations.pages.js";
import { peopleAdminPages } from "./features/directory/people.pages.js";
import { faqPages } from "./features/faq/faq.pages.js";
import { editionAdminPages } from "./features/ger/editions.admin.pages.js";
import { editionPages } from "./features/ger/editions.pages.js";
import { frameworkPages } from "./features/ger/framework.pages.js";
import { registerGerApi } from "./features/ger/ger.api.js";
import { volatilesPages } from "./features/ger/volatiles.pages.js";
import { groupAdminPages } from "./features/groups/groups.admin.js";
import { groupPages } from "./features/groups/groups.pages.js";
import { mailPages } from "./features/mail/mail.pages.js";
import { meetingAdminPages } from "./features/meetings/meetings.admin.js";
import { registerGroupsAndMeetingsApi } from "./features/meetings/meetings.api.js";
import { meetingPages } from "./features/meetings/meetings.pages.js";
import { feedPages } from "./features/news/feeds.pages.js";
import { newsActionPages } from "./features/news/news.actions.pages.js";
import { newsAdminPages } from "./features/news/news.admin.pages.js";
import { registerNewsApi } from "./features/news/news.api.js";
import { newsPages } from "./features/news/news.pages.js";
import { contentPages } from "./features/pages/pages.pages.js";
import { publicationAdminPages } from "./features/publications/publications.admin.js";
import { registerPublicationsApi } from "./features/publications/publications.api.js";
import { publicationPages } from "./features/publications/publications.pages.js";
import { missionAdminPages } from "./features/roadmap/missions.pages.js";
import { registerRoadmapApi } from "./features/roadmap/roadmap.api.js";
import { roadmapPages } from "./features/roadmap/roadmap.pages.js";
import { registerSearchApi } from "./features/search/search.api.js";
import { searchPages } from "./features/search/search.pages.js";
import { discoveryPages } from "./features/site/discovery.pages.js";
import { privateHomePages } from "./features/site/private.pages.js";
import { settingsPages } from "./features/site/settings.pages.js";
import { sitePages } from "./features/site/site.pages.js";
import { subscriptionPages } from "./features/subscriptions/subscriptions.pages.js";
import { publicPageCache } from "./http/cache.js";
import type { AppEnv } from "./http/env.js";
import { errorPage, handleError } from "./http/error-pages.js";
import { AppError } from "./http/errors.js";
import { csrfProtection, loadActor, requestLogging } from "./http/middleware.js";
import { apiDocs, createApi } from "./http/openapi.js";
import { isUploadPath, UPLOAD_BODY_LIMIT } from "./http/uploads.js";
import { assetRoutes } from "./web/assets.js";

/** Builds the whole application: middleware, error handling, and every feature's routes. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) =>
    (await isReady(deps.db)) ? c.json({ status: "ready" }) : c.json({ status: "unavailable" }, 503),
  );
  app.route("/", assetRoutes());

  // Cached visitor pages are answered before any other middleware: that is what keeps them fast.
  app.use(publicPageCache(deps));
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(requestLogging(deps));
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
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD"
      ? next()
      : isUploadPath(c.req.path)
        ? limitUpload(c, next)
        : limitBody(c, next),
  );
  app.use(loadActor(deps));
  app.use(csrfProtection(deps));

  app.route("/", sitePages());
  app.route("/", memberPages());
  app.route("/", authPages());
  app.route("/", privateHomePages());
  app.route("/", organisationAdminPages());
  app.route("/", peopleAdminPages());
  app.route("/", chairAdminPages());
  app.route("/", auditPages());
  app.route("/", accountPages());
  app.route("/", settingsPages());
  // Before newsPages: /news/subscribe and /news/unsubscribe must not be taken for article slugs.
  app.route("/", subscriptionPages());
  app.route("/", newsPages());
  app.route("/", mailPages());
  app.route("/", newsAdminPages());
  app.route("/", newsActionPages());
  app.route("/", feedPages());
  app.route("/", discoveryPages());
  app.route("/", publicationPages());
  app.route("/", publicationAdminPages());
  app.route("/", faqPages());
  app.route("/", contentPages());
  app.route("/", searchPages());
  app.route("/", roadmapPages());
  app.route("/", missionAdminPages());
  app.route("/", frameworkPages());
  app.route("/", editionPages());
  app.route("/", editionAdminPages());
  app.route("/", volatilesPages());
  app.route("/", groupPages());
  app.route("/", groupAdminPages());
  app.route("/", meetingPages());
  app.route("/", meetingAdminPages());
  const api = createApi();
  registerDirectoryApi(api);
  registerNewsApi(api);
  registerPublicationsApi(api);
  registerRoadmapApi(api);
  registerGerApi(api);
  registerGroupsAndMeetingsApi(api);
  registerSearchApi(api);
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
