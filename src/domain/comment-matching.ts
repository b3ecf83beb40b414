import { type Section, sectionLabel, titleOfLabel } from "./sections.js";

/** Where a comment points now: the anchor and label it was written against (or last moved to). */
export type CommentPlace = { sectionAnchor: string; sectionLabel: string };

/** Where a comment goes in a new version: the section found, or orphaned with its old place kept. */
export type Reattachment = CommentPlace & { orphaned: boolean };

const normalTitle = (t: string) => t.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Finds the section of a new version a comment belongs to: the same anchor, else a section with the
 * same title. Without one the comment is orphaned but keeps its old anchor and label, never lost.
 */
export function reattachComment(place: CommentPlace, sections: Section[]): Reattachment {
  // An empty anchor is a comment on the whole document: it applies to every version.
  if (place.sectionAnchor === "") return { ...place, orphaned: false };
  const byAnchor = sections.find((s) => s.anchor === place.sectionAnchor);
  const title = normalTitle(titleOfLabel(place.sectionLabel));
  const found = byAnchor ?? sections.find((s) => normalTitle(s.title) === title);
  if (!found) return { orphaned: true, sectionAnchor: place.sectionAnchor, sectionLabel: place.sectionLabel };
  return { orphaned: false, sectionAnchor: found.anchor, sectionLabel: sectionLabel(found) };
}
