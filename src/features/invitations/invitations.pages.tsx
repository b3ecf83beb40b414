import { hasRole } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { type Form, handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage, renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { createSession } from "../../http/sessions.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { setSessionCookie } from "../auth/auth.pages.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { ssoForPerson } from "../sso/sso.settings.queries.js";
import { rolesOf } from "../two-factor/factors.queries.js";
import { mustEnrol } from "../two-factor/requirement.service.js";
import { canSeeInvitations } from "./invitations.policy.js";
import {
  acceptInvitation,
  invitationToManage,
  inviteeForLink,
  invitePerson,
  listInvitations,
  resendInvitation,
  withdrawInvitation,
} from "./invitations.service.js";
import { AcceptInvitation } from "./views/accept-invitation.js";
import { InvitationForm } from "./views/invitation-form.js";
import { InvitationList } from "./views/invitation-list.js";

const notices: Record<string, string> = {
  sent: "The invitation was sent.",
  resent: "The invitation was sent again with a new link.",
  withdrawn: "The invitation was withdrawn.",
};

const inviter = personAllowedBy(canSeeInvitations, "Only the secretariat and focal points invite people.");

async function invitationList(c: AppContext) {
  const rows = await listInvitations(c.var.deps, inviter(c));
  return renderPrivate(c, {
    title: "Invitations",
    body: () => (
      <InvitationList
        rows={rows}
        now={c.var.deps.now()}
        notice={notices[c.req.query("done") ?? ""]}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

/** The form: the secretariat chooses the agency, a focal point invites into their own. */
async function invitationForm(
  c: AppContext,
  values: Form = {},
  errors?: Record<string, string>,
  message?: string,
) {
  const me = inviter(c);
  const orgs = hasRole(me, "secretariat") ? await listOrganisations(c.var.deps.db) : null;
  return renderPrivate(c, {
    title: "Invite someone",
    body: () => (
      <>
        <PageHeader
          title="Invite someone"
          lead="They get a mail with a link to choose their password; it works once, for 7 days."
        />
        <InvitationForm
          csrf={c.var.csrfToken()}
          {...{ values, errors, message, orgs }}
          ownAgency={me.organisationAcronym}
        />
      </>
    ),
  });
}

async function sendInvitation(c: AppContext) {
  const me = inviter(c);
  return handleForm(
    c,
    async (body) => {
      await invitePerson(c.var.deps, me, body);
      return "/private/invitations?done=sent";
    },
    (body, errors, message) => invitationForm(c, body, errors, message),
  );
}

async function sendInvitationAgain(c: AppContext) {
  await resendInvitation(c.var.deps, inviter(c), idParam(c.req.param("id")));
  return c.redirect("/private/invitations?done=resent", 303);
}

async function confirmWithdrawal(c: AppContext) {
  const p = await invitationToManage(c.var.deps, inviter(c), idParam(c.req.param("id")));
  return renderPrivate(c, {
    title: "Withdraw the invitation?",
    body: () => (
      <>
        <PageHeader
          title={`Withdraw the invitation of ${p.name}?`}
          lead="Their link stops working and their record is removed. You can invite them again later."
        />
        <ConfirmForm
          action={`/private/invitations/${p.id}/withdraw`}
          csrf={c.var.csrfToken()}
          button="Withdraw invitation"
          back="/private/invitations"
        />
      </>
    ),
  });
}

async function withdraw(c: AppContext) {
  await withdrawInvitation(c.var.deps, inviter(c), idParam(c.req.param("id")));
  return c.redirect("/private/invitations?done=withdrawn", 303);
}

/** The invitee the mailed link names, while it is good. */
async function invitee(c: AppContext) {
  const token = c.req.param("token") ?? "";
  const found = await inviteeForLink(c.var.deps, token);
  if (!found) throw notFound("This invitation (it may have been used, withdrawn or have expired)");
  return { token, found };
}

async function acceptPage(
  c: AppContext,
  { token, found }: Awaited<ReturnType<typeof invitee>>,
  errors?: Record<string, string>,
  message?: string,
) {
  const sso = await ssoForPerson(c.var.deps.db, found.personId);
  return renderPage(
    c,
    {
      title: "Accept the invitation",
      body: () => (
        <AcceptInvitation
          name={found.name}
          token={token}
          csrf={c.var.csrfToken()}
          {...{ sso, errors, message }}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

const invitationLink = async (c: AppContext) => acceptPage(c, await invitee(c));

/** Accepting signs the invitee in; a role that needs two factors enrols one before anything else. */
async function accept(c: AppContext) {
  const link = await invitee(c);
  return handleForm(
    c,
    async (body) => {
      const personId = await acceptInvitation(c.var.deps, link.token, body);
      const session = await createSession(c.var.deps.db, personId, c.var.deps.now(), {
        mustEnrol: await mustEnrol(c.var.deps.db, {
          id: personId,
          roles: await rolesOf(c.var.deps.db, personId),
        }),
        ip: clientAddress(c),
        userAgent: c.req.header("user-agent"),
      });
      setSessionCookie(c, session);
      return "/private";
    },
    (_body, errors, message) => acceptPage(c, link, errors, message),
  );
}

/** Inviting people (secretariat: anyone; focal points: their own agency's members), and accepting. */
export const invitationPages = pageGroup([
  ["GET", "/private/invitations", invitationList],
  ["GET", "/private/invitations/new", (c) => invitationForm(c)],
  ["POST", "/private/invitations/new", sendInvitation],
  ["POST", "/private/invitations/:id/resend", sendInvitationAgain],
  ["GET", "/private/invitations/:id/withdraw", confirmWithdrawal],
  ["POST", "/private/invitations/:id/withdraw", withdraw],
  ["GET", "/invitation/:token", invitationLink],
  ["POST", "/invitation/:token", accept],
]);
