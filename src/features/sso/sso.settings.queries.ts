import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, people, ssoProviders } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import type { Organisation } from "../directory/directory.queries.js";
import { ssoSettingsInput } from "./sso.schemas.js";

/** An organisation's provider as stored, secret included: for the sign-in flow only, never a page. */
export type SsoProvider = typeof ssoProviders.$inferSelect;

/** What the settings page may show: everything but the secret, and whether one is stored. */
export type SsoSettingsView = Omit<SsoProvider, "clientSecret"> & { hasSecret: boolean };

const onlySecretariat = "Only the secretariat sets up single sign-on.";

/** The stored provider of an organisation, or undefined. */
export async function findSsoProvider(db: Db, organisationId: number): Promise<SsoProvider | undefined> {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.organisationId, organisationId));
  return row;
}

/** The settings of an organisation without the secret (secretariat only). */
export async function ssoSettingsOf(
  deps: Deps,
  actor: Actor,
  org: Organisation,
): Promise<SsoSettingsView | undefined> {
  if (!canManageDirectory(actor)) throw forbidden(onlySecretariat);
  const row = await findSsoProvider(deps.db, org.id);
  if (!row) return undefined;
  const { clientSecret, ...rest } = row;
  return { ...rest, hasSecret: clientSecret.length > 0 };
}

/** Saves an organisation's single sign-on (secretariat only); a blank secret keeps the stored one. Audited without the secret. */
export async function saveSsoSettings(deps: Deps, actor: Actor, org: Organisation, raw: unknown) {
  if (!canManageDirectory(actor)) throw forbidden(onlySecretariat);
  const input = parseInput(ssoSettingsInput, raw);
  const current = await findSsoProvider(deps.db, org.id);
  const clientSecret = input.clientSecret || current?.clientSecret || "";
  if (!clientSecret) throw invalid({ clientSecret: "Enter the client secret the identity provider gave." });
  const values = {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret,
    allowedDomains: input.allowedDomains,
    enabled: input.enabled,
    updatedAt: deps.now(),
  };
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .insert(ssoProviders)
        .values({ organisationId: org.id, ...values })
        .onConflictDoUpdate({ target: ssoProviders.organisationId, set: values });
      await audit({
        action: "organisation.sso.update",
        subjectType: "organisation",
        subjectId: org.id,
        summary: input.enabled
          ? `Turned on single sign-on for ${org.acronym}`
          : `Saved single sign-on for ${org.acronym} (turned off)`,
        details: {
          issuer: input.issuer,
          clientId: input.clientId,
          allowedDomains: input.allowedDomains,
          enabled: input.enabled,
          secretChanged: input.clientSecret !== "" && input.clientSecret !== current?.clientSecret,
        },
      });
    },
    { invalidatesPages: false },
  );
}

/** The current member organisations whose single sign-on is on, by acronym: the sign-in page's buttons. */
export function enabledSsoOrganisations(
  db: Db,
): Promise<Array<{ acronym: string; slug: string; name: string }>> {
  return db
    .select({ acronym: organisations.acronym, slug: organisations.slug, name: organisations.name })
    .from(ssoProviders)
    .innerJoin(organisations, eq(organisations.id, ssoProviders.organisationId))
    .where(and(eq(ssoProviders.enabled, true), isNull(organisations.leftOn)))
    .orderBy(asc(organisations.acronym));
}

/** The enabled single sign-on of a person's organisation (for an invitee's page), or undefined. */
export async function ssoForPerson(
  db: Db,
  personId: number,
): Promise<{ acronym: string; slug: string } | undefined> {
  const [row] = await db
    .select({ acronym: organisations.acronym, slug: organisations.slug })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .innerJoin(ssoProviders, eq(ssoProviders.organisationId, organisations.id))
    .where(and(eq(people.id, personId), eq(ssoProviders.enabled, true), isNull(organisations.leftOn)));
  return row;
}
