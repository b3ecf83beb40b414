/**
 * An address segment: lower-case ASCII words joined by hyphens ("Montréal Meeting" becomes
 * "montreal-meeting"), cut to at most `max` characters without a trailing hyphen.
 */
export function slugify(text: string, max = Number.POSITIVE_INFINITY): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}
