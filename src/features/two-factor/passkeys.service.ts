import type {
  AuthenticationResponseJSON,
  AuthenticatorTransport,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { passkeys } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { newRecoveryCodes } from "../../domain/totp.js";
import type { Actor, Person } from "../../http/actor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { factorsOf, releaseSessionsOf, replaceRecoveryCodes } from "./factors.queries.js";
import { twoFactorRequiredFor } from "./requirement.service.js";

// Loaded when a passkey is first used, not at start: the WebAuthn library takes a fifth of a second to load.
const webauthn = () => import("@simplewebauthn/server");

/** The relying party is this site: its host name and origin come from the configured public address. */
export function relyingParty(deps: Deps) {
  const url = new URL(deps.config.baseUrl);
  return { id: url.hostname, origin: url.origin };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const bytes = (s: string) => new Uint8Array(Buffer.from(s, "base64url"));
const transports = (t: string[]) => t as AuthenticatorTransport[];

const websiteOnly = (actor: Actor): Person => {
  if (actor.kind !== "person" || actor.token) throw forbidden("Sign in on the website to manage passkeys.");
  return actor;
};

/** Options for the browser to create a passkey for the actor (resident, with user verification). */
export async function passkeyRegistrationOptions(deps: Deps, actor: Actor) {
  const me = websiteOnly(actor);
  const mine = await deps.db.select().from(passkeys).where(eq(passkeys.personId, me.id));
  return (await webauthn()).generateRegistrationOptions({
    rpName: (await loadForum(deps)).name,
    rpID: relyingParty(deps).id,
    userName: me.email,
    userDisplayName: me.name,
    userID: new TextEncoder().encode(`person-${me.id}`),
    attestationType: "none",
    excludeCredentials: mine.map((k) => ({ id: k.credentialId, transports: transports(k.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

const responseJson = z
  .string({ error: "Your browser did not send a passkey." })
  .min(2, "Your browser did not send a passkey.")
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Your browser did not send a passkey." });
      return z.NEVER;
    }
  });
const registerInput = z.object({
  name: z.string().trim().min(1, "Give the passkey a name, such as “Work laptop”.").max(80),
  response: responseJson,
});

/** Verifies a new passkey against the challenge and keeps it; returns recovery codes to show when the person had none. */
export async function registerPasskey(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  challenge: string | null,
): Promise<string[] | null> {
  const me = websiteOnly(actor);
  const { name, response } = parseInput(registerInput, raw);
  const failed = new AppError("validation_failed", "The passkey could not be checked. Please try again.", {
    name: "The passkey could not be checked. Please try again.",
  });
  if (!challenge) throw failed;
  const rp = relyingParty(deps);
  const result = await (await webauthn())
    .verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    })
    .catch(() => null);
  if (!result?.verified) throw failed;
  const cred = result.registrationInfo.credential;
  const before = await factorsOf(deps.db, me.id);
  const codes = before.recoveryCodesLeft > 0 ? null : newRecoveryCodes();
  await write(
    deps,
    me,
    async (tx, audit) => {
      await tx.insert(passkeys).values({
        personId: me.id,
        credentialId: cred.id,
        publicKey: b64(cred.publicKey),
        counter: cred.counter,
        transports: cred.transports ?? [],
        name,
        createdAt: deps.now(),
      });
      if (codes) await replaceRecoveryCodes(tx, me.id, codes);
      await releaseSessionsOf(tx, me.id);
      await audit({
        action: "two_factor.passkey_add",
        subjectType: "person",
        subjectId: me.id,
        summary: `Added a passkey “${name}”`,
      });
    },
    { invalidatesPages: false },
  );
  return codes;
}

/** The actor's passkeys, newest first. */
export async function ownPasskeys(deps: Deps, actor: Actor) {
  const me = websiteOnly(actor);
  return deps.db.select().from(passkeys).where(eq(passkeys.personId, me.id)).orderBy(passkeys.createdAt);
}

/** Deletes one of the actor's passkeys; refused when their role requires two factors and it is the last one. */
export async function deletePasskey(deps: Deps, actor: Actor, id: number): Promise<void> {
  const me = websiteOnly(actor);
  const [key] = await deps.db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.personId, me.id)));
  if (!key) throw notFound("The passkey");
  const f = await factorsOf(deps.db, me.id);
  if (!f.totp && f.passkeys === 1 && (await twoFactorRequiredFor(deps.db, me.roles)))
    throw new AppError(
      "conflict",
      "Your role requires two factors: set up another one before deleting your last passkey.",
    );
  await write(
    deps,
    me,
    async (tx, audit) => {
      await tx.delete(passkeys).where(eq(passkeys.id, id));
      if (!f.totp && f.passkeys === 1) await replaceRecoveryCodes(tx, me.id, []);
      await audit({
        action: "two_factor.passkey_delete",
        subjectType: "person",
        subjectId: me.id,
        summary: `Deleted the passkey “${key.name}”`,
      });
    },
    { invalidatesPages: false },
  );
}

/** Options to sign in with a passkey: the person's own (second step) or any discoverable one (passwordless). */
export async function passkeySignInOptions(deps: Deps, personId: number | null) {
  const allow = personId ? await deps.db.select().from(passkeys).where(eq(passkeys.personId, personId)) : [];
  return (await webauthn()).generateAuthenticationOptions({
    rpID: relyingParty(deps).id,
    userVerification: personId ? "preferred" : "required",
    allowCredentials: allow.map((k) => ({ id: k.credentialId, transports: transports(k.transports) })),
  });
}

/**
 * Checks a passkey's answer to a challenge; returns whose it is. For a second step it must be the
 * person's own; a passwordless sign-in also needs the authenticator to have verified the user. The
 * signature counter must grow (when the authenticator keeps one), so a cloned key shows up.
 */
export async function verifyPasskeySignIn(
  deps: Deps,
  rawResponse: unknown,
  challenge: string | null,
  personId: number | null,
): Promise<number | null> {
  const parsed = responseJson.safeParse(rawResponse);
  if (!parsed.success || !challenge) return null;
  const response = parsed.data as AuthenticationResponseJSON;
  if (typeof response?.id !== "string") return null;
  const [key] = await deps.db.select().from(passkeys).where(eq(passkeys.credentialId, response.id));
  if (!key || (personId !== null && key.personId !== personId)) return null;
  const rp = relyingParty(deps);
  const result = await (await webauthn())
    .verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: key.credentialId,
        publicKey: bytes(key.publicKey),
        counter: key.counter,
        transports: transports(key.transports),
      },
      requireUserVerification: personId === null,
    })
    .catch(() => null);
  if (!result?.verified) return null;
  await deps.db
    .update(passkeys)
    .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: deps.now() })
    .where(eq(passkeys.id, key.id));
  return key.personId;
}
