import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import * as oidc from "openid-client";
import { organisations, ssoFlows } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { findOrganisationBySlug, type Organisation } from "../directory/directory.queries.js";
import type { SsoClaims } from "./sso.mapping.service.js";
import { SsoProblem, startAgain } from "./sso.problem.pages.js";
import { findSsoProvider, type SsoProvider } from "./sso.settings.queries.js";

/** How long a person has at their agency's identity provider before the sign-in must start again. */
export const SSO_FLOW_MS = 10 * 60_000;
/** How long the platform waits for an identity provider before giving up. */
const PROVIDER_TIMEOUT_SECONDS = 10;

const hashFlowId = (id: string) => createHash("sha256").update(id).digest("hex");

/** The one address every provider sends people back to; it must be registered with the provider. */
export const ssoRedirectUri = (deps: Deps) => `${deps.config.baseUrl}/sign-in/sso/callback`;

const unreachable = (org: Organisation) =>
  new SsoProblem(
    502,
    `${org.acronym}'s sign-in service cannot be reached`,
    `The platform could not reach ${org.acronym}'s identity service just now. Try again in a few minutes, or sign in with your password.`,
  );

/** The organisation (by its address slug, e.g. "esa", "pt-space") with single sign-on on, and its provider; otherwise 404. */
export async function enabledProvider(deps: Deps, slug: string) {
  const org = /^[a-z0-9-]{1,40}$/i.test(slug)
    ? await findOrganisationBySlug(deps.db, slug.toLowerCase())
    : undefined;
  const provider = org && !org.leftOn ? await findSsoProvider(deps.db, org.id) : undefined;
  if (!org || !provider?.enabled)
    throw new SsoProblem(
      404,
      "No single sign-on here",
      `There is no single sign-on for "${slug}". Sign in with your password, or choose another agency.`,
    );
  return { org, provider };
}

/** The provider's configuration from its discovery document; plain http only for localhost (checked on save). */
async function discover(org: Organisation, provider: SsoProvider): Promise<oidc.Configuration> {
  const insecure = new URL(provider.issuer).protocol === "http:";
  try {
    return await oidc.discovery(
      new URL(provider.issuer),
      provider.clientId,
      undefined,
      oidc.ClientSecretBasic(provider.clientSecret),
      { timeout: PROVIDER_TIMEOUT_SECONDS, execute: insecure ? [oidc.allowInsecureRequests] : [] },
    );
  } catch {
    throw unreachable(org);
  }
}

/** Whether the organisation's saved provider answers with its discovery document: "reachable", "unreachable" or "unsaved". */
export async function checkSsoProvider(deps: Deps, org: Organisation) {
  const provider = await findSsoProvider(deps.db, org.id);
  if (!provider) return "unsaved" as const;
  try {
    await discover(org, provider);
    return "reachable" as const;
  } catch {
    return "unreachable" as const;
  }
}

/** Starts a sign-in: remembers PKCE verifier, state and nonce under a new flow id, returns where to send the browser. */
export async function startSsoSignIn(deps: Deps, slug: string, next: string) {
  const { org, provider } = await enabledProvider(deps, slug);
  const config = await discover(org, provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: ssoRedirectUri(deps),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const flowId = randomBytes(32).toString("base64url");
  const now = deps.now();
  await deps.db.delete(ssoFlows).where(lt(ssoFlows.expiresAt, now));
  await deps.db.insert(ssoFlows).values({
    idHash: hashFlowId(flowId),
    organisationId: org.id,
    state,
    nonce,
    codeVerifier,
    next,
    expiresAt: new Date(now.getTime() + SSO_FLOW_MS),
  });
  return { flowId, url: url.href };
}

/**
 * Finishes a sign-in at the callback: the flow is used up whatever happens next (so a replayed
 * callback finds nothing), then the code is exchanged and the ID token checked (state, nonce, PKCE).
 */
export async function finishSsoSignIn(deps: Deps, flowId: string | undefined, callback: URL) {
  if (!flowId) throw startAgain("This browser has no sign-in under way (it may have taken too long).");
  const [flow] = await deps.db
    .delete(ssoFlows)
    .where(and(eq(ssoFlows.idHash, hashFlowId(flowId)), gt(ssoFlows.expiresAt, deps.now())))
    .returning();
  if (!flow) throw startAgain("This sign-in was already finished, or it took too long.");
  const params = callback.searchParams;
  if (params.get("state") !== flow.state)
    throw startAgain("The answer from the identity service does not belong to this sign-in.");
  const { org, provider } = await enabledProviderById(deps, flow.organisationId);
  if (params.has("error")) {
    const denied = params.get("error") === "access_denied";
    throw new SsoProblem(
      403,
      "The sign-in was not completed",
      denied
        ? `${org.acronym}'s identity service did not let you in, or you cancelled. You can try again or sign in with your password.`
        : `${org.acronym}'s identity service refused the sign-in. Try again, or ask the secretariat if it keeps happening.`,
    );
  }
  const claims = await exchangeCode(org, provider, callback, flow);
  return { org, provider, claims, next: flow.next };
}

async function enabledProviderById(deps: Deps, organisationId: number) {
  const [org] = await deps.db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return enabledProvider(deps, org?.slug ?? "");
}

async function exchangeCode(
  org: Organisation,
  provider: SsoProvider,
  callback: URL,
  flow: { state: string; nonce: string; codeVerifier: string },
): Promise<SsoClaims> {
  const config = await discover(org, provider);
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    const info = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub)
      : {};
    // The ID token says who (issuer and subject); userinfo, when offered, has the e-mail claims.
    return { ...idClaims, ...info, iss: idClaims.iss, sub: idClaims.sub };
  } catch (e) {
    if (isNetworkFailure(e)) throw unreachable(org);
    throw new SsoProblem(
      400,
      "The sign-in could not be checked",
      `The answer from ${org.acronym}'s identity service could not be verified. Start the sign-in again; if it keeps failing, tell the secretariat.`,
    );
  }
}

/** A connection refused, reset or timed out, as opposed to an answer that failed a check. */
function isNetworkFailure(e: unknown): boolean {
  const err = e as { name?: string; cause?: { code?: string; name?: string } } | undefined;
  return (
    err?.name === "TimeoutError" ||
    err?.name === "AbortError" ||
    (err instanceof TypeError && /fetch failed/i.test(err.message)) ||
    typeof err?.cause?.code === "string"
  );
}
