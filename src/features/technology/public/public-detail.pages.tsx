import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { canSetPublicTechnologyDetail } from "./public.policy.js";
import { readPublicDetail, setPublicDetail } from "./public-detail.service.js";
import { PublicDetailForm } from "./views/public-detail-form.js";

const secretariat = personAllowedBy(
  canSetPublicTechnologyDetail,
  "Only the secretariat decides what the public sees.",
);

function levelPage(
  c: AppContext,
  level: string,
  errors?: FieldErrors,
  message?: string,
  status: 200 | 422 = 200,
) {
  return renderPrivate(
    c,
    {
      title: "What the public sees of the technology heat map",
      body: () => <PublicDetailForm {...{ level, errors, message }} csrf={c.var.csrfToken()} />,
    },
    status,
  );
}

async function publicDetailForm(c: AppContext) {
  secretariat(c);
  return levelPage(c, await readPublicDetail(c.var.deps));
}

async function savePublicDetail(c: AppContext) {
  const actor = secretariat(c);
  return handleForm(
    c,
    async (body) => {
      await setPublicDetail(c.var.deps, actor, body);
      return "/private/technology/assessments?done=level";
    },
    (body, errors, message) => levelPage(c, str(body.level), errors, message, 422),
  );
}

/** The secretariat's form for how much of the technology heat map the public sees. */
export const publicDetailPages = pageGroup([
  ["GET", "/private/technology/assessments/public-detail", publicDetailForm],
  ["POST", "/private/technology/assessments/public-detail", savePublicDetail],
]);
