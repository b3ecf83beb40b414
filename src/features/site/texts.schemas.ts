import { z } from "zod";
import { str } from "../../http/forms.js";
import { parseInput } from "../../http/validation.js";
import type { FormValues } from "../../kit/forms.js";
import type { Forum } from "../../web/forum.js";
import { navSections, publicSections } from "../../web/nav.js";

/** Blank rows the editor offers below the filled ones, so a highlight or principle can be added. */
const SPARE_ROWS = 2;
const MAX_ROWS = 8;

const text = (max: number, tooLong: string) => z.string().max(max, tooLong);
const required = (max: number, empty: string, tooLong: string) => text(max, tooLong).min(1, empty);
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A row of title and text: both or neither (a blank row is dropped). */
const highlightRow = z
  .object({
    title: text(120, "Keep the title to 120 characters."),
    text: text(600, "Keep the text to 600 characters."),
  })
  .refine((r) => !r.text || r.title, { message: "Give this highlight a title.", path: ["title"] });

const principleRow = z
  .object({ title: text(120, "Keep the title to 120 characters."), points: z.array(z.string().max(400)) })
  .refine((r) => r.points.length === 0 || r.title, {
    message: "Give this principle a title.",
    path: ["title"],
  });

/** The texts the secretariat edits: the forum's name, Home, About and the navigation. */
const siteTextsInput = z.object({
  name: required(200, "Enter the forum's name.", "Keep the name to 200 characters."),
  acronym: required(20, "Enter a short name or acronym.", "Keep the short name to 20 characters."),
  tagline: text(300, "Keep the tagline to 300 characters."),
  roadmap: z.object({ name: text(120, "Keep the roadmap's name to 120 characters.") }),
  home: z.object({
    intro: required(2000, "Write the introduction visitors read first.", "Keep it to 2,000 characters."),
    highlights: z.array(highlightRow).transform((rows) => rows.filter((r) => r.title)),
  }),
  about: z.object({
    purpose: required(10000, "Write the forum's purpose.", "Keep it to 10,000 characters."),
    notGoverning: text(1000, "Keep it to 1,000 characters."),
    principles: z.array(principleRow).transform((rows) => rows.filter((r) => r.title)),
    background: text(10000, "Keep it to 10,000 characters."),
    gesThemes: z.array(z.string().max(300, "Keep each theme to 300 characters.")),
    themesTitle: text(120, "Keep the heading to 120 characters."),
    membershipRule: text(1000, "Keep it to 1,000 characters."),
    publicInput: text(1000, "Keep it to 1,000 characters."),
  }),
  nav: z.array(
    z.object({
      href: z.string(),
      label: text(40, "Keep the label to 40 characters."),
      position: z.coerce
        .number({ message: "Enter a number." })
        .int("Enter a whole number.")
        .min(1, `Enter a number from 1 to ${publicSections.length}.`)
        .max(publicSections.length, `Enter a number from 1 to ${publicSections.length}.`),
    }),
  ),
});

/** How many rows of a repeated group the form shows for `filled` filled ones. */
export const rowCount = (filled: number) => Math.min(MAX_ROWS, Math.max(filled + SPARE_ROWS, 3));

/** The number of a row group's rows a submitted form carries (`home.highlights.3.title` → 4). */
function submittedRows(body: Record<string, unknown>, prefix: string): number {
  let n = 0;
  for (const key of Object.keys(body)) {
    const m = key.startsWith(`${prefix}.`) ? /^(\d+)\./.exec(key.slice(prefix.length + 1)) : null;
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return Math.min(n, MAX_ROWS);
}

/**
 * The editor's flat fields (named by their path, so a message lands beside its field) read back
 * into the shape the schema checks. Navigation rows are numbered by the built-in order of sections.
 */
function fromForm(body: Record<string, unknown>) {
  const t = (k: string) => str(body[k] as string | string[] | undefined).trim();
  const rows = <T>(prefix: string, row: (k: string) => T) =>
    Array.from({ length: submittedRows(body, prefix) }, (_, i) => row(`${prefix}.${i}`));
  return {
    name: t("name"),
    acronym: t("acronym"),
    tagline: t("tagline"),
    roadmap: { name: t("roadmap.name") },
    home: {
      intro: t("home.intro"),
      highlights: rows("home.highlights", (k) => ({ title: t(`${k}.title`), text: t(`${k}.text`) })),
    },
    about: {
      purpose: t("about.purpose"),
      notGoverning: t("about.notGoverning"),
      principles: rows("about.principles", (k) => ({
        title: t(`${k}.title`),
        points: lines(t(`${k}.points`)),
      })),
      background: t("about.background"),
      gesThemes: lines(t("about.gesThemes")),
      themesTitle: t("about.themesTitle"),
      membershipRule: t("about.membershipRule"),
      publicInput: t("about.publicInput"),
    },
    nav: publicSections.map((s, i) => ({
      href: s.href,
      // A blank label gives the section back its built-in name.
      label: t(`nav.${i}.label`) || s.label,
      position: t(`nav.${i}.position`) || String(i + 1),
    })),
  };
}

/** Parses the editor's form and returns the forum it describes; the secretariat's contact stays `base`'s. */
export function parseSiteTexts(body: unknown, base: Forum): Forum {
  const input = parseInput(siteTextsInput, fromForm(body as Record<string, unknown>));
  const nav = [...input.nav]
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.position - b.position || a.i - b.i)
    .map(({ href, label }) => ({ href, label }));
  const { name, acronym, tagline, home, about } = input;
  const roadmap = input.roadmap.name ? input.roadmap : undefined;
  return { ...base, name, acronym, tagline, roadmap, home, about, nav };
}

/** The editor's fields for a forum's texts. */
export function siteTextsValues(forum: Forum): FormValues {
  const values: FormValues = {
    name: forum.name,
    acronym: forum.acronym,
    tagline: forum.tagline,
    "roadmap.name": forum.roadmap?.name ?? "",
    "home.intro": forum.home.intro,
    "about.purpose": forum.about.purpose,
    "about.notGoverning": forum.about.notGoverning,
    "about.background": forum.about.background,
    "about.gesThemes": forum.about.gesThemes.join("\n"),
    "about.themesTitle": forum.about.themesTitle ?? "",
    "about.membershipRule": forum.about.membershipRule,
    "about.publicInput": forum.about.publicInput,
  };
  forum.home.highlights.forEach((h, i) => {
    values[`home.highlights.${i}.title`] = h.title;
    values[`home.highlights.${i}.text`] = h.text;
  });
  forum.about.principles.forEach((p, i) => {
    values[`about.principles.${i}.title`] = p.title;
    values[`about.principles.${i}.points`] = p.points.join("\n");
  });
  const order = navSections(forum.nav);
  publicSections.forEach((s, i) => {
    const at = order.findIndex((o) => o.href === s.href);
    values[`nav.${i}.label`] = order[at]?.label ?? s.label;
    values[`nav.${i}.position`] = String(at + 1);
  });
  return values;
}

/** How many rows of each repeated group the form shows for these values. */
export function formRows(values: FormValues) {
  return {
    highlights: rowCount(submittedRows(values, "home.highlights")),
    principles: rowCount(submittedRows(values, "about.principles")),
  };
}
