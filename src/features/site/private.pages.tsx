import type { AppContext } from "../../http/env.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { listAudit } from "../audit/audit.queries.js";
import { canEditAgencyProfile, canReadAuditLog, canReadPrivateArea } from "../directory/directory.policy.js";
import { countPeople } from "../directory/directory.queries.js";
import { cachedOrganisationByAcronym } from "../directory/organisations.cache.queries.js";
import { waitingFor } from "../home/waiting.service.js";
import { canManageInbox, canOpenInbox } from "../inbox/inbox.policy.js";
import { inboxWaiting } from "../inbox/inbox.queries.js";
import { PrivateHome } from "./views/private-home.js";

const member = personAllowedBy(canReadPrivateArea);

async function privateHome(c: AppContext) {
  const me = member(c);
  const db = c.var.deps.db;
  // The organisation from the list kept until the next write; the card shows only the number of people.
  const org = me.organisationAcronym
    ? await cachedOrganisationByAcronym(c.var.deps, me.organisationAcronym)
    : undefined;
  const colleagues = org ? await countPeople(db, { organisationId: org.id }) : 0;
  const recent = canReadAuditLog(me) ? (await listAudit(db, {}, 1, 8)).rows : [];
  const waiting = await waitingFor(c.var.deps, me);
  const now = c.var.deps.now();
  const manageInbox = canManageInbox(me);
  const inbox = canOpenInbox(me)
    ? await inboxWaiting(db, { manage: manageInbox, organisationId: me.organisationId })
    : null;
  const editProfile = org ? canEditAgencyProfile(me, org.id) : false;
  return renderPrivate(c, {
    title: "Private area",
    body: () => (
      <PrivateHome {...{ me, org, colleagues, editProfile, waiting, now, inbox, manageInbox, recent }} />
    ),
  });
}

/** The private area's landing page. */
export const privateHomePages = pageGroup([["GET", "/private", privateHome]]);
