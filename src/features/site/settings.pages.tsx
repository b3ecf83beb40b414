import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { loadForum } from "../../web/forum.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { updateSecretariat } from "./settings.service.js";
import { SecretariatForm } from "./views/secretariat-form.js";

const secretariat = personAllowedBy(canManageDirectory, "Only the secretariat can change its details.");

function settingsForm(c: AppContext, values: FormValues, errors?: FieldErrors, message?: string) {
  return renderPrivate(c, {
    title: "Secretariat",
    body: () => (
      <SecretariatForm
        {...{ values, errors, message }}
        saved={c.req.query("done") === "saved"}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

async function secretariatDetails(c: AppContext) {
  secretariat(c);
  const s = (await loadForum(c.var.deps)).secretariat;
  return settingsForm(c, { ...s, address: s.address.join("\n") });
}

async function saveSecretariatDetails(c: AppContext) {
  const actor = secretariat(c);
  return handleForm(
    c,
    async (body) => {
      await updateSecretariat(c.var.deps, actor, body);
      return "/private/settings?done=saved";
    },
    (body, errors, message) => settingsForm(c, body, errors, message),
  );
}

/** The secretariat's own contact details, shown in every page footer and on About. */
export const settingsPages = pageGroup([
  ["GET", "/private/settings", secretariatDetails],
  ["POST", "/private/settings", saveSecretariatDetails],
]);
