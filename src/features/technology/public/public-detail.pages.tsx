import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { CsrfField, ErrorSummary, PageHeader } from "../../../web/components.js";
import { publicDetailLabels, publicDetailLevels } from "../assessments/assessments.schemas.js";
import { canSetPublicTechnologyDetail } from "./public.policy.js";
import { readPublicDetail, setPublicDetail } from "./public-detail.service.js";

/** The secretariat's form for how much of the technology heat map the public sees. */
export function publicDetailPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/technology/assessments/public-detail", async (c) => {
    const actor = requirePerson(c);
    authorize(canSetPublicTechnologyDetail(actor), "Only the secretariat decides what the public sees.");
    return levelPage(c, await readPublicDetail(c.var.deps));
  });
  app.post("/private/technology/assessments/public-detail", async (c) => {
    const actor = requirePerson(c);
    authorize(canSetPublicTechnologyDetail(actor), "Only the secretariat decides what the public sees.");
    return handleForm(
      c,
      async (body) => {
        await setPublicDetail(c.var.deps, actor, body);
        return "/private/technology/assessments?done=level";
      },
      (body, errors, message) => levelPage(c, str(body.level), errors, message, 422),
    );
  });

  return app;
}

function levelPage(
  c: AppContext,
  level: string,
  errors?: FieldErrors,
  message?: string,
  status: 200 | 422 = 200,
) {
  const error = errors?.level;
  return renderPrivate(
    c,
    {
      title: "What the public sees of the technology heat map",
      body: () => (
        <>
          <PageHeader
            title="What the public sees of the technology heat map"
            lead="Agencies' TRLs are not public unless the forum agrees. The Advanced Technology page shows the Critical Technology List and the assessments in any case, and the heat map at the level chosen here; demonstration data is never shown in public."
          />
          <form method="post" action="/private/technology/assessments/public-detail" class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <fieldset id="f-level" tabindex={-1} aria-describedby={error ? "f-level-error" : undefined}>
              <legend>Public level of detail</legend>
              {error ? (
                <p class="field-error" id="f-level-error">
                  {error}
                </p>
              ) : null}
              {publicDetailLevels.map((l) => (
                <div class="checkbox">
                  <input id={`f-level-${l}`} type="radio" name="level" value={l} checked={level === l} />
                  <label for={`f-level-${l}`}>{publicDetailLabels[l]}</label>
                </div>
              ))}
            </fieldset>
            <div class="form-actions">
              <button type="submit" class="button">
                Save
              </button>
              <a href="/private/technology/assessments">Cancel</a>
            </div>
          </form>
        </>
      ),
    },
    status,
  );
}
