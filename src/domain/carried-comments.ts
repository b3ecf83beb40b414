import { parseSections, type Section, titleOfLabel } from "./sections.js";

/** What became of a comment's section between the version it was written on and a later one. */
export type CarriedStatus = "unchanged" | "moved" | "text_changed" | "orphaned";

export type Carried = {
  status: CarriedStatus;
  /** The section in the old version and in the new one (number, title, text), when found. */
  before: { number: string; title: string; text: string } | null;
  after: { number: string; title: string; text: string } | null;
};

const normal = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();
const find = (sections: Section[], anchor: string, title: string) =>
  sections.find((s) => s.anchor === anchor) ?? sections.find((s) => normal(s.title) === normal(title));
const view = (s: Section | undefined) =>
  s ? { number: s.number, title: s.title, text: s.body.trim() } : null;

/**
 * Compares a comment's section in the version it was written on with the same section in a later
 * version: unchanged, moved (same text under another number), text changed, or orphaned (gone). Pure.
 * A comment on the whole document compares the whole texts.
 */
export function carryComment(
  oldBody: string,
  newBody: string,
  place: { sectionAnchor: string; sectionLabel: string; orphaned: boolean },
): Carried {
  if (place.sectionAnchor === "") {
    const same = normal(oldBody) === normal(newBody);
    const whole = (text: string) => ({ number: "", title: "Whole document", text: text.trim() });
    return { status: same ? "unchanged" : "text_changed", before: whole(oldBody), after: whole(newBody) };
  }
  const title = titleOfLabel(place.sectionLabel);
  const before = view(find(parseSections(oldBody).sections, place.sectionAnchor, title));
  const after = place.orphaned
    ? null
    : view(find(parseSections(newBody).sections, place.sectionAnchor, title));
  if (!after) return { status: "orphaned", before, after: null };
  if (before && before.text === after.text)
    return { status: before.number === after.number ? "unchanged" : "moved", before, after };
  return { status: "text_changed", before, after };
}
