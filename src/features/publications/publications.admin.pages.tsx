import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { pageParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { handleUpload } from "../../kit/uploads.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { canManagePublications } from "./publications.policy.js";
import {
  findPublication,
  listPublications,
  type Publication,
  publicationChoices,
} from "./publications.queries.js";
import { createPublication, deletePublication, updatePublication } from "./publications.service.js";
import { PublicationAdminList } from "./views/publication-admin-list.js";
import { PublicationForm } from "./views/publication-form.js";

const PER_PAGE = 50;
const notices: Record<string, string> = {
  added: "The publication was added.",
  saved: "Your changes were saved.",
  deleted: "The publication was deleted.",
};

const secretariat = personAllowedBy(canManagePublications, "Only the secretariat manages publications.");

/** A publication as its form shows it. */
const formValues = (p: Publication): FormValues => ({
  title: p.title,
  slug: p.slug,
  category: p.category,
  postedOn: p.postedOn ?? "",
  published:
    p.publishedOn && p.publishedPrecision ? partialDateInput(p.publishedOn, p.publishedPrecision) : "",
  description: p.description ?? "",
  producedBy: p.producedBy ?? "",
  editionLabel: p.editionLabel ?? "",
  uncertain: p.uncertain,
  certaintyNote: p.certaintyNote ?? "",
  sources: p.sources.join("\n"),
  externalUrl: p.externalUrl ?? "",
});

/** The publication the address names, for the secretariat. */
async function loadPublication(c: AppContext) {
  secretariat(c);
  const p = await findPublication(c.var.deps.db, c.req.param("slug") ?? "");
  if (!p) throw notFound("The publication");
  return p;
}

async function publicationList(c: AppContext) {
  secretariat(c);
  const page = pageParam(c.req.query("page"));
  const { rows, total } = await listPublications(c.var.deps.db, {}, page, PER_PAGE);
  return renderPrivate(c, {
    title: "Publications",
    body: () => (
      <PublicationAdminList
        {...{ rows, total, page }}
        perPage={PER_PAGE}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

type FormPage = { title: string; action: string; submit: string; current?: Publication };

/** The add or edit form; an earlier edition is chosen among the others, the file kept unless replaced. */
async function formPage(
  c: AppContext,
  page: FormPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const current = page.current;
  const choices = (await publicationChoices(c.var.deps.db)).filter((x) => x.id !== current?.id);
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader title={page.title} />
        <PublicationForm
          action={page.action}
          csrf={c.var.csrfToken()}
          {...{ values, errors, message, choices }}
          submitLabel={page.submit}
          currentFile={
            current?.fileSha256 && current.fileName
              ? { name: current.fileName, size: current.fileSize ?? 0 }
              : null
          }
        />
      </>
    ),
  });
}

const newPage: FormPage = {
  title: "Add a publication",
  action: "/private/publications/new",
  submit: "Add publication",
};
const editPage = (p: Publication): FormPage => ({
  title: `Edit ${p.title}`,
  action: `/private/publications/${p.slug}/edit`,
  submit: "Save changes",
  current: p,
});

function newPublicationForm(c: AppContext) {
  secretariat(c);
  return formPage(c, newPage, { postedOn: c.var.deps.now().toISOString().slice(0, 10) });
}

function submitNewPublication(c: AppContext) {
  const actor = secretariat(c);
  return handleUpload(
    c,
    async (values, file) => {
      const p = await createPublication(c.var.deps, actor, values, file);
      return `/private/publications?done=added&slug=${p.slug}`;
    },
    (values, errors, message) => formPage(c, newPage, values, errors, message),
  );
}

async function editPublicationForm(c: AppContext) {
  const p = await loadPublication(c);
  const prev = p.previousEditionId
    ? (await publicationChoices(c.var.deps.db)).find((x) => x.id === p.previousEditionId)
    : undefined;
  return formPage(c, editPage(p), { ...formValues(p), previousEdition: prev?.slug ?? "" });
}

async function savePublication(c: AppContext) {
  const actor = secretariat(c);
  const p = await loadPublication(c);
  return handleUpload(
    c,
    async (values, file) => {
      await updatePublication(c.var.deps, actor, p.slug, values, file);
      return "/private/publications?done=saved";
    },
    (values, errors, message) => formPage(c, editPage(p), values, errors, message),
  );
}

async function confirmPublicationDeletion(c: AppContext) {
  const p = await loadPublication(c);
  return renderPrivate(c, {
    title: "Delete publication",
    body: () => (
      <>
        <PageHeader
          title="Delete this publication?"
          lead={`“${p.title}” will disappear from the library and from Home. The audit log keeps a record.`}
        />
        <ConfirmForm
          action={`/private/publications/${p.slug}/delete`}
          csrf={c.var.csrfToken()}
          button="Delete publication"
          back="/private/publications"
        />
      </>
    ),
  });
}

async function deleteConfirmedPublication(c: AppContext) {
  const actor = secretariat(c);
  const p = await loadPublication(c);
  await deletePublication(c.var.deps, actor, p.slug);
  return c.redirect("/private/publications?done=deleted", 303);
}

/** The secretariat's publications: list, add, edit (with file upload) and delete after confirmation. */
export const publicationAdminPages = pageGroup([
  ["GET", "/private/publications", publicationList],
  ["GET", "/private/publications/new", newPublicationForm],
  ["POST", "/private/publications/new", submitNewPublication],
  ["GET", "/private/publications/:slug/edit", editPublicationForm],
  ["POST", "/private/publications/:slug/edit", savePublication],
  ["GET", "/private/publications/:slug/delete", confirmPublicationDeletion],
  ["POST", "/private/publications/:slug/delete", deleteConfirmedPublication],
]);
