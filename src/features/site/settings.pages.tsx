import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { handleForm } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { type FormValues, val } from "../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, TextArea } from "../../web/components.js";
import { loadForum } from "../../web/forum.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { updateSecretariat } from "./settings.service.js";

const onlySecretariat = "Only the secretariat can change its details.";

/** The secretariat's own contact details, shown in every page footer and on About. */
export function settingsPages() {
  const app = new Hono<AppEnv>();
  const page = (c: AppContext, values: FormValues, errors?: Record<string, string>, message?: string) =>
    renderPrivate(c, {
      title: "Secretariat",
      body: () => (
        <>
          <PageHeader
            title="The secretariat"
            lead="Contact details shown at the foot of every page and on About."
          />
          <Notice text={c.req.query("done") === "saved" ? "The secretariat's details were saved." : null} />
          <p>
            <a href="/private/settings/two-factor">Who must use two-factor sign-in</a> (by role).
          </p>
          <form method="post" action="/private/settings" class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Field name="name" label="Name" value={val(values, "name")} errors={errors} required />
            <Field
              name="hostAcronym"
              label="Hosting agency (acronym)"
              value={val(values, "hostAcronym")}
              errors={errors}
            />
            <TextArea
              name="address"
              label="Postal address"
              hint="One line per line of the address."
              value={val(values, "address")}
              errors={errors}
              rows={4}
            />
            <Field
              name="email"
              label="E-mail address"
              type="email"
              value={val(values, "email")}
              errors={errors}
              required
            />
            <TextArea
              name="note"
              label="About the secretariat"
              value={val(values, "note")}
              errors={errors}
              rows={3}
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Save
              </button>
            </p>
          </form>
        </>
      ),
    });

  app.get("/private/settings", async (c) => {
    authorize(canManageDirectory(requirePerson(c)), onlySecretariat);
    const s = (await loadForum(c.var.deps)).secretariat;
    return page(c, { ...s, address: s.address.join("\n") });
  });

  app.post("/private/settings", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageDirectory(actor), onlySecretariat);
    return handleForm(
      c,
      async (body) => {
        await updateSecretariat(c.var.deps, actor, body);
        return "/private/settings?done=saved";
      },
      (body, errors, message) => page(c, body, errors, message),
    );
  });
  return app;
}
