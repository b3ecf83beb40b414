import { Hono } from "hono";
import { hasRole, roleLabels } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { type Form, handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage, renderPrivate } from "../../http/page.js";
import { createSession } from "../../http/sessions.js";
import {
  ConfirmForm,
  CsrfField,
  EmptyState,
  ErrorSummary,
  NewPasswordFields,
  Notice,
  PageHeader,
  TableScroll,
} from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { setSessionCookie } from "../auth/auth.pages.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { ssoForPerson } from "../sso/sso.settings.queries.js";
import { ssoStartPath } from "../sso/views/sso-choices.js";
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
import { InvitationForm } from "./views/invitation-form.js";

const notices: Record<string, string> = {
  sent: "The invitation was sent.",
  resent: "The invitation was sent again with a new link.",
  withdrawn: "The invitation was withdrawn.",
};

/** Inviting people (secretariat: anyone; focal points: their own agency's members), and accepting. */
export function invitationPages() {
  const app = new Hono<AppEnv>();
  const guard = personAllowedBy(canSeeInvitations, "Only the secretariat and focal points invite people.");

  app.get("/private/invitations", async (c) => {
    const rows = await listInvitations(c.var.deps, guard(c));
    return renderPrivate(c, {
      title: "Invitations",
      body: () => (
        <>
          <PageHeader
            title="Invitations"
            lead="People invited who have not yet accepted."
            actions={
              <a class="button" href="/private/invitations/new">
                Invite someone
              </a>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {rows.length === 0 ? (
            <EmptyState title="No invitation is waiting." />
          ) : (
            <TableScroll label="Pending invitations">
              <table>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Agency</th>
                    <th>Roles</th>
                    <th>Sent</th>
                    <th>Link expires</th>
                    <th>Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td>
                        {r.name} <span class="muted">{r.email}</span>
                      </td>
                      <td>{r.acronym ?? "Secretariat"}</td>
                      <td>{r.roles.map((x) => roleLabels[x]).join(", ")}</td>
                      <td>{formatTimestamp(r.sentAt)}</td>
                      <td>{r.expiresAt < c.var.deps.now() ? "Expired" : formatTimestamp(r.expiresAt)}</td>
                      <td>
                        <form method="post" action={`/private/invitations/${r.id}/resend`} class="inline">
                          <CsrfField token={c.var.csrfToken()} />
                          <button class="button button-small" type="submit">
                            Resend
                          </button>
                        </form>{" "}
                        <a href={`/private/invitations/${r.id}/withdraw`}>Withdraw…</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ),
    });
  });

  const form = async (
    c: AppContext,
    values: Form = {},
    errors?: Record<string, string>,
    message?: string,
  ) => {
    const me = guard(c);
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
            values={values}
            errors={errors}
            message={message}
            orgs={orgs}
            ownAgency={me.organisationAcronym}
          />
        </>
      ),
    });
  };
  app.get("/private/invitations/new", (c) => form(c));
  app.post("/private/invitations/new", async (c) => {
    const me = guard(c);
    return handleForm(
      c,
      async (body) => {
        await invitePerson(c.var.deps, me, body);
        return "/private/invitations?done=sent";
      },
      (body, errors, message) => form(c, body, errors, message),
    );
  });

  app.post("/private/invitations/:id/resend", async (c) => {
    await resendInvitation(c.var.deps, guard(c), idParam(c.req.param("id")));
    return c.redirect("/private/invitations?done=resent", 303);
  });
  app.get("/private/invitations/:id/withdraw", async (c) => {
    const p = await invitationToManage(c.var.deps, guard(c), idParam(c.req.param("id")));
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
  });
  app.post("/private/invitations/:id/withdraw", async (c) => {
    await withdrawInvitation(c.var.deps, guard(c), idParam(c.req.param("id")));
    return c.redirect("/private/invitations?done=withdrawn", 303);
  });

  registerAccept(app);
  return app;
}

async function acceptPage(
  c: AppContext,
  token: string,
  invitee: { name: string; personId: number },
  errors?: Record<string, string>,
  message?: string,
) {
  const sso = await ssoForPerson(c.var.deps.db, invitee.personId);
  const name = invitee.name;
  return renderPage(
    c,
    {
      title: "Accept the invitation",
      body: () => (
        <div class="wrap narrow">
          <h1>Welcome, {name}</h1>
          <p class="lead">Choose a password for your account; then you are signed in.</p>
          <form method="post" action={`/invitation/${token}`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <NewPasswordFields errors={errors} />
            <button class="button" type="submit">
              Accept and sign in
            </button>
          </form>
          {sso ? (
            <section class="sso-choices" aria-labelledby="sso-heading">
              <h2 id="sso-heading">Or use your agency's sign-in</h2>
              <p>
                No password to remember: sign in with {sso.acronym}'s identity service, with the address this
                invitation was sent to.
              </p>
              <p>
                <a class="button button-quiet" href={ssoStartPath(sso.slug)} rel="nofollow">
                  Use single sign-on with {sso.acronym}
                </a>
              </p>
            </section>
          ) : null}
        </div>
      ),
    },
    errors ? 422 : 200,
  );
}

/** The invitee's side: the mailed link opens a password form; accepting signs them in. */
function registerAccept(app: Hono<AppEnv>) {
  const invitee = async (c: AppContext) => {
    const token = c.req.param("token") ?? "";
    const found = await inviteeForLink(c.var.deps, token);
    if (!found) throw notFound("This invitation (it may have been used, withdrawn or have expired)");
    return { token, found };
  };
  app.get("/invitation/:token", async (c) => {
    const { token, found } = await invitee(c);
    return acceptPage(c, token, found);
  });
  app.post("/invitation/:token", async (c) => {
    const { token, found } = await invitee(c);
    return handleForm(
      c,
      async (body) => {
        const personId = await acceptInvitation(c.var.deps, token, body);
        const session = await createSession(c.var.deps.db, personId, c.var.deps.now(), {
          // A role that requires two factors (the secretariat, by default) enrols before anything else.
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
      (_body, errors, message) => acceptPage(c, token, found, errors, message),
    );
  });
}
