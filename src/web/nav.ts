/** The public sections in the order the forum's site presents them; each feature adds its own. */
export const publicSections: Array<{ href: string; label: string }> = [
  { href: "/", label: "Home" },
  { href: "/about", label: "About" },
  { href: "/news", label: "News" },
  { href: "/publications", label: "Publications" },
  { href: "/members", label: "Members" },
  { href: "/groups", label: "Working groups" },
  { href: "/roadmap", label: "Roadmap" },
  { href: "/technology", label: "Advanced Technology" },
  { href: "/science", label: "Science Perspectives" },
  { href: "/lunar-volatiles", label: "Lunar Volatiles" },
  { href: "/faq", label: "FAQ" },
];

/** The public sections as the forum orders and names them; sections it does not name follow, as built. */
export function navSections(order: Array<{ href: string; label: string }> | undefined) {
  const known = new Map(publicSections.map((s) => [s.href, s]));
  const named = (order ?? []).filter((s) => known.has(s.href) && s.label.trim());
  const rest = publicSections.filter((s) => !named.some((n) => n.href === s.href));
  return [...named, ...rest];
}

/** The private area's sections; `show` decides per role. */
export const privateSections: Array<{
  href: string;
  label: string;
  secretariatOnly?: boolean;
  /** Shown to focal points and the secretariat only. */
  focalPoints?: boolean;
}> = [
  { href: "/private", label: "Overview" },
  { href: "/private/members", label: "Organisations" },
  { href: "/private/people", label: "People" },
  { href: "/private/missions", label: "Missions" },
  { href: "/private/editions", label: "Roadmap editions", secretariatOnly: true },
  { href: "/private/groups", label: "Working groups" },
  { href: "/private/meetings", label: "Meetings" },
  { href: "/private/actions", label: "Actions" },
  { href: "/private/inbox", label: "Inbox" },
  { href: "/private/technology", label: "Technology" },
  { href: "/private/technology/gaps", label: "Technology gaps" },
  { href: "/private/technology/assessments", label: "Gap assessments" },
  { href: "/private/products", label: "Products" },
  { href: "/private/reports", label: "Annual reports" },
  { href: "/private/chairs", label: "Chair terms", secretariatOnly: true },
  { href: "/private/news", label: "News", secretariatOnly: true },
  { href: "/private/outbox", label: "E-mail", secretariatOnly: true },
  { href: "/private/publications", label: "Publications", secretariatOnly: true },
  { href: "/private/faq", label: "FAQ", secretariatOnly: true },
  { href: "/private/pages", label: "Pages", secretariatOnly: true },
  { href: "/private/site", label: "Site texts", secretariatOnly: true },
  { href: "/private/settings", label: "Secretariat", secretariatOnly: true },
  { href: "/private/facts", label: "Facts to verify", secretariatOnly: true },
  { href: "/private/audit", label: "Audit log", secretariatOnly: true },
  { href: "/private/invitations", label: "Invitations", focalPoints: true },
  { href: "/private/tokens", label: "API tokens", focalPoints: true },
  { href: "/private/account", label: "My account" },
];
