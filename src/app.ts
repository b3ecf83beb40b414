import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { isReady } from "./db/client.js";
import type { Deps } from "./deps.js";
import { actionAdminPages } from "./features/actions/actions.admin.js";
import { registerActionsApi } from "./features/actions/actions.api.js";
import { actionPages } from "./features/actions/actions.pages.js";
import { auditPages } from "./features/audit/audit.pages.js";
import { accountPages } from "./features/auth/account.pages.js";
import { authPages } from "./features/auth/auth.pages.js";
import { devicePages } from "./features/auth/devices.pages.js";
import { calendarPages } from "./features/calendar/calendar.pages.js";
import { chairAdminPages } from "./features/directory/chairs.pages.js";
import { registerDirectoryApi } from "./features/directory/directory.api.js";
import { memberPages } from "./features/directory/members.pages.js";
import { organisationAdminPages } from "./features/directory/organisations.pages.js";
import { peopleAdminPages } from "./features/directory/people.pages.js";
import { privacyPages } from "./features/directory/privacy.pages.js";
import { factPages } from "./features/facts/facts.pages.js";
import { faqPages } from "./features/faq/faq.pages.js";
import { editionAdminPages } from "./features/ger/editions.admin.pages.js";
import { editionPages } from "./features/ger/editions.pages.js";
import { frameworkPages } from "./features/ger/framework.pages.js";
import { registerGerApi } from "./features/ger/ger.api.js";
import { sciencePages } from "./features/ger/science.pages.js";
import { volatilesPages } from "./features/ger/volatiles.pages.js";
import { groupAdminPages } from "./features/groups/groups.admin.js";
import { groupPages } from "./features/groups/groups.pages.js";
import { contactPages } from "./features/inbox/contact.pages.js";
import { registerInboxApi } from "./features/inbox/inbox.api.js";
import { inboxPages } from "./features/inbox/inbox.pages.js";
import { messagePages } from "./features/inbox/message.pages.js";
import { invitationPages } from "./features/invitations/invitations.pages.js";
import { mailPages } from "./features/mail/mail.pages.js";
import { registerMeetingWorkApi } from "./features/meeting-work/meeting-work.api.js";
import { meetingWorkPages } from "./features/meeting-work/meeting-work.routes.js";
import { meetingAdminPages } from "./features/meetings/meetings.admin.js";
import { registerGroupsAndMeetingsApi } from "./features/meetings/meetings.api.js";
import { meetingPages } from "./features/meetings/meetings.pages.js";
import { registerMeetingWriteApi } from "./features/meetings/meetings.write.api.js";
import { registerMeetingSessionsApi } from "./features/meetings/sessions.api.js";
import { meetingSessionPages } from "./features/meetings/sessions.pages.js";
import { feedPages } from "./features/news/feeds.pages.js";
import { newsActionPages } from "./features/news/news.actions.pages.js";
import { newsAdminPages } from "./features/news/news.admin.pages.js";
import { registerNewsApi } from "./features/news/news.api.js";
import { newsPages } from "./features/news/news.pages.js";
import { contentPages } from "./features/pages/pages.pages.js";
import { carriedPages } from "./features/products/carried.pages.js";
import { reviewPages } from "./features/products/comments.pages.js";
import { consensusRecordPages } from "./features/products/consensus-record.pages.js";
import { editorialPages } from "./features/products/editorial.pages.js";
import { registerEndorsementApi } from "./features/products/endorsement.api.js";
import { endorsementPages } from "./features/products/endorsement.pages.js";
import { evidencePages } from "./features/products/evidence.pages.js";
import { historyPages } from "./features/products/history.pages.js";
import { matrixPages } from "./features/products/matrix.pages.js";
import { registerProductsApi } from "./features/products/products.api.js";
import { productPages } from "./features/products/products.pages.js";
import { roundPages } from "./features/products/rounds.pages.js";
import { versionPages } from "./features/products/versions.pages.js";
import { publicationAdminPages } from "./features/publications/publications.admin.js";
import { registerPublicationsApi } from "./features/publications/publications.api.js";
import { publicationFeedPages } from "./features/publications/publications.feeds.js";
import { publicationPages } from "./features/publications/publications.pages.js";
import { resetPages } from "./features/recovery/reset.pages.js";
import { reportAdminPages } from "./features/reports/reports.admin.js";
import { registerReportsApi } from "./features/reports/reports.api.js";
import { reportPages } from "./features/reports/reports.pages.js";
import { missionImportPages } from "./features/roadmap/mission-import.pages.js";
import { missionAdminPages } from "./features/roadmap/missions.pages.js";
import { registerRoadmapApi } from "./features/roadmap/roadmap.api.js";
import { roadmapPages } from "./features/roadmap/roadmap.pages.js";
import { registerSearchApi } from "./features/search/search.api.js";
import { searchPages } from "./features/search/search.pages.js";
import { setupPages } from "./features/setup/setup.pages.js";
import { accessibilityPages } from "./features/site/accessibility.pages.js";
import { discoveryPages } from "./features/site/discovery.pages.js";
import { logoPages } from "./features/site/logo.pages.js";
import { privateHomePages } from "./features/site/private.pages.js";
import { settingsPages } from "./features/site/settings.pages.js";
import { sitePages } from "./features/site/site.pages.js";
import { siteTextsPages } from "./features/site/texts.pages.js";
import { ssoPages } from "./features/sso/sso.pages.js";
import { ssoSettingsPages } from "./features/sso/sso.settings.pages.js";
import { subscriptionPages } from "./features/subscriptions/subscriptions.pages.js";
import { registerAnalysisApi } from "./features/technology/analysis.api.js";
import { analysisPages } from "./features/technology/analysis.pages.js";
import { assessmentPages } from "./features/technology/assessments.pages.js";
import { capabilityPages } from "./features/technology/capabilities.pages.js";
import { ctlPages } from "./features/technology/ctl.pages.js";
import { heatMapPages } from "./features/technology/heatmap.pages.js";
import { needPages } from "./features/technology/needs.pages.js";
import { registerTechnologyApi } from "./features/technology/technology.api.js";
import { technologyDataPages } from "./features/technology/technology.import.pages.js";
import { technologyPublicPages } from "./features/technology/technology.public.pages.js";
import { publicDetailPages } from "./features/technology/technology.public.settings.pages.js";
import { tokenPages } from "./features/tokens/tokens.pages.js";
import { enrolmentGate } from "./features/two-factor/enrolment-gate.js";
import { passkeyPages } from "./features/two-factor/passkeys.pages.js";
import { twoFactorAdminPages } from "./features/two-factor/requirement.pages.js";
import { secondStepPages } from "./features/two-factor/second-step.pages.js";
import { twoFactorPages } from "./features/two-factor/two-factor.pages.js";
import { registerWorkplanApi } from "./features/workplan/workplan.api.js";
import { workplanPages } from "./features/workplan/workplan.pages.js";
import { publicPageCache } from "./http/cache.js";
import type { AppEnv } from "./http/env.js";
import { errorPage, handleError } from "./http/error-pages.js";
import { AppError } from "./http/errors.js";
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

  app.route("/", sitePages());
  app.route("/", memberPages());
  app.route("/", ssoPages());
  app.route("/", authPages());
  app.route("/", secondStepPages());
  app.route("/", passkeyPages());
  app.route("/", twoFactorPages());
  app.route("/", twoFactorAdminPages());
  app.route("/", setupPages());
  app.route("/", resetPages());
  app.route("/", invitationPages());
  app.route("/", privateHomePages());
  app.route("/", organisationAdminPages());
  app.route("/", ssoSettingsPages());
  app.route("/", peopleAdminPages());
  app.route("/", privacyPages());
  app.route("/", chairAdminPages());
  app.route("/", auditPages());
  app.route("/", factPages());
  app.route("/", accountPages());
  app.route("/", devicePages());
  app.route("/", tokenPages());
  app.route("/", settingsPages());
  app.route("/", siteTextsPages());
  app.route("/", logoPages());
  app.route("/", accessibilityPages());
  // Before newsPages: /news/subscribe and /news/unsubscribe must not be taken for article slugs.
  app.route("/", subscriptionPages());
  app.route("/", newsPages());
  app.route("/", mailPages());
  app.route("/", newsAdminPages());
  app.route("/", newsActionPages());
  app.route("/", feedPages());
  app.route("/", publicationFeedPages());
  app.route("/", discoveryPages());
  app.route("/", publicationPages());
  app.route("/", publicationAdminPages());
  app.route("/", faqPages());
  app.route("/", contentPages());
  app.route("/", searchPages());
  app.route("/", roadmapPages());
  app.route("/", missionImportPages());
  app.route("/", missionAdminPages());
  app.route("/", frameworkPages());
  app.route("/", sciencePages());
  app.route("/", editionPages());
  app.route("/", editionAdminPages());
  app.route("/", volatilesPages());
  app.route("/", groupPages());
  app.route("/", groupAdminPages());
  app.route("/", workplanPages());
  app.route("/", meetingPages());
  app.route("/", meetingAdminPages());
  app.route("/", meetingSessionPages());
  // Before other /private/technology/... routes: "gaps" and "assessments" are not technology codes.
  app.route("/", analysisPages());
  app.route("/", heatMapPages());
  app.route("/", assessmentPages());
  app.route("/", technologyPublicPages());
  app.route("/", publicDetailPages());
  app.route("/", technologyDataPages());
  app.route("/", capabilityPages());
  app.route("/", needPages());
  app.route("/", ctlPages());
  app.route("/", meetingWorkPages());
  // Before productPages: their fixed sub-paths must not be taken for anything else.
  app.route("/", endorsementPages());
  app.route("/", editorialPages());
  app.route("/", consensusRecordPages());
  app.route("/", carriedPages());
  app.route("/", evidencePages());
  app.route("/", historyPages());
  app.route("/", matrixPages());
  app.route("/", productPages());
  app.route("/", versionPages());
  app.route("/", roundPages());
  app.route("/", reviewPages());
  app.route("/", actionPages());
  app.route("/", actionAdminPages());
  app.route("/", calendarPages());
  app.route("/", contactPages());
  app.route("/", inboxPages());
  app.route("/", messagePages());
  app.route("/", reportPages());
  app.route("/", reportAdminPages());
  const api = createApi();
  registerDirectoryApi(api);
  registerNewsApi(api);
  registerPublicationsApi(api);
  registerRoadmapApi(api);
  registerTechnologyApi(api);
  registerGerApi(api);
  registerGroupsAndMeetingsApi(api);
  registerMeetingWriteApi(api);
  registerMeetingSessionsApi(api);
  registerWorkplanApi(api);
  registerActionsApi(api);
  registerMeetingWorkApi(api);
  registerProductsApi(api);
  registerEndorsementApi(api);
  registerSearchApi(api);
  registerAnalysisApi(api);
  registerInboxApi(api);
  registerReportsApi(api);
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
