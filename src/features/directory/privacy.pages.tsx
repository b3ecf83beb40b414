import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { ConfirmForm, Notice, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "./directory.policy.js";
import { findPerson } from "./directory.queries.js";
import { erasePerson, exportPersonalData } from "./privacy.service.js";

const secretariatOnly = "Only the secretariat handles personal data requests.";

/** The secretariat's answers to a person's data requests (GDPR): an export, and erasure. */
export function privacyPages() {
  const app = new Hono<AppEnv>();

  const load = async (c: AppContext) => {
    authorize(canManageDirectory(requirePerson(c)), secretariatOnly);
    const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
    if (!found) throw notFound("The person");
    return found.person;
  };

  app.get("/private/people/:id/privacy", async (c) => {
    const person = await load(c);
    const erased = c.req.query("done") === "erased";
    return renderPrivate(c, {
      title: `Personal data of ${person.name}`,
      body: () => (
        <>
          <PageHeader
            title={`Personal data of ${person.name}`}
            lead="Answer a person's request to see or erase what the platform holds about them."
          />
          <Notice text={erased ? "The person's personal data was erased." : null} />
          <h2>Export</h2>
          <p>
            <a href={`/private/people/${person.id}/privacy/export.json`} download>
              Download their data (JSON)
            </a>
            : their record, sessions, API tokens, calendar feeds, mail sent to them and what they did.
          </p>
          <h2>Erase</h2>
          <p>
            <a href={`/private/people/${person.id}/privacy/erase`}>Erase this person…</a> (asks for
            confirmation)
          </p>
        </>
      ),
    });
  });

  app.get("/private/people/:id/privacy/export.json", async (c) => {
    const person = await load(c);
    const data = await exportPersonalData(c.var.deps, c.var.actor, person.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personal-data-${person.id}.json"`,
      "Cache-Control": "private, no-store",
    });
  });

  app.get("/private/people/:id/privacy/erase", async (c) => {
    const person = await load(c);
    return renderPrivate(c, {
      title: "Erase this person?",
      body: () => (
        <>
          <PageHeader
            title={`Erase ${person.name}?`}
            lead="Their name, e-mail address, job title and password are removed, their sessions, API tokens and calendar feed end, and the records they wrote are attributed to an anonymous label. This cannot be undone."
          />
          <ConfirmForm
            action={`/private/people/${person.id}/privacy/erase`}
            csrf={c.var.csrfToken()}
            button="Erase personal data"
            back={`/private/people/${person.id}/privacy`}
          />
        </>
      ),
    });
  });

  app.post("/private/people/:id/privacy/erase", async (c) => {
    const person = await load(c);
    await erasePerson(c.var.deps, c.var.actor, person.id);
    return c.redirect(`/private/people/${person.id}/privacy?done=erased`, 303);
  });

  return app;
}
