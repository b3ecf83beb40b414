import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, TableScroll, TextArea } from "../../../web/components.js";
import { publicSections } from "../../../web/nav.js";
import { formRows } from "../texts.schemas.js";

type FormProps = { values: FormValues; errors?: FieldErrors; message?: string; csrf: string };

/** The editor of the forum's name, Home, About and navigation, with its three buttons. */
export function SiteTextsForm(p: FormProps) {
  const rows = formRows(p.values);
  const field = (name: string, label: string, extra: { hint?: string; required?: boolean } = {}) => (
    <Field name={name} label={label} value={val(p.values, name)} errors={p.errors} {...extra} />
  );
  const area = (name: string, label: string, rowsShown: number, hint?: string, required?: boolean) => (
    <TextArea
      name={name}
      label={label}
      value={val(p.values, name)}
      errors={p.errors}
      rows={rowsShown}
      hint={hint}
      required={required}
    />
  );
  return (
    <form method="post" action="/private/site" class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <fieldset>
        <legend>Name</legend>
        {field("name", "Full name", { required: true })}
        {field("acronym", "Short name or acronym", {
          required: true,
          hint: "Shown in the header and titles.",
        })}
        {field("tagline", "Tagline", { hint: "One line under the title of About." })}
        {field("roadmap.name", "Name of the roadmap", {
          hint: "The title of the Roadmap pages, e.g. “Global Exploration Roadmap”. Empty: “Roadmap”.",
        })}
      </fieldset>
      <fieldset>
        <legend>Home</legend>
        {area("home.intro", "Introduction", 4, "The first words visitors read, under the name.", true)}
        {Array.from({ length: rows.highlights }, (_, i) => (
          <fieldset class="row-group">
            <legend>Highlight {i + 1}</legend>
            {field(`home.highlights.${i}.title`, "Title")}
            {area(`home.highlights.${i}.text`, "Text", 2)}
          </fieldset>
        ))}
        <p class="hint">Leave a highlight empty to remove it.</p>
      </fieldset>
      <AboutFields field={field} area={area} principles={rows.principles} />
      <NavigationFields {...p} />
      <p class="form-actions">
        <button class="button" type="submit" name="action" value="publish">
          Publish
        </button>
        <button class="button button-quiet" type="submit" name="action" value="draft">
          Save draft
        </button>
        <button class="button button-quiet" type="submit" name="action" value="preview">
          Preview
        </button>
      </p>
    </form>
  );
}

function AboutFields(p: {
  field: (name: string, label: string, extra?: { hint?: string }) => unknown;
  area: (name: string, label: string, rows: number, hint?: string, required?: boolean) => unknown;
  principles: number;
}) {
  const markdown = "Markdown: **bold**, _italic_, [links](https://example.org), lists with “-”.";
  return (
    <fieldset>
      <legend>About</legend>
      {p.area("about.purpose", "Purpose", 6, markdown, true)}
      {p.area("about.notGoverning", "What the forum is not", 2, "Shown as a callout under the purpose.")}
      {Array.from({ length: p.principles }, (_, i) => (
        <fieldset class="row-group">
          <legend>Principle {i + 1}</legend>
          {p.field(`about.principles.${i}.title`, "Title")}
          {p.area(`about.principles.${i}.points`, "Points", 3, "One point per line.")}
        </fieldset>
      ))}
      {p.area("about.background", "Background", 6, markdown)}
      {p.field("about.themesTitle", "Heading over the themes", { hint: "Empty: “Themes”." })}
      {p.area("about.gesThemes", "Themes", 4, "One theme per line.")}
      {p.area("about.membershipRule", "Who can take part", 2)}
      {p.area("about.publicInput", "Input from the public", 2)}
    </fieldset>
  );
}

/** One row per public section: its label and its place in the main navigation. */
function NavigationFields(p: FormProps) {
  const order = publicSections
    .map((s, i) => ({ ...s, i, position: Number(val(p.values, `nav.${i}.position`)) || i + 1 }))
    .sort((a, b) => a.position - b.position || a.i - b.i);
  return (
    <fieldset>
      <legend>Navigation</legend>
      <p class="hint">
        The label and place of each section in the main menu; the places are numbered from 1, left to right.
      </p>
      <TableScroll label="Sections of the main menu">
        <table class="nav-editor">
          <caption class="visually-hidden">Sections of the main menu</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Label</th>
              <th scope="col">Place</th>
            </tr>
          </thead>
          <tbody>
            {order.map((s) => (
              <tr>
                <th scope="row">
                  <code>{s.href}</code>
                </th>
                <td>
                  <Field
                    name={`nav.${s.i}.label`}
                    label={`Label of ${s.href}`}
                    value={val(p.values, `nav.${s.i}.label`)}
                    errors={p.errors}
                  />
                </td>
                <td>
                  <Field
                    name={`nav.${s.i}.position`}
                    label={`Place of ${s.href}`}
                    type="number"
                    inputmode="numeric"
                    value={val(p.values, `nav.${s.i}.position`)}
                    errors={p.errors}
                    required
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </fieldset>
  );
}
