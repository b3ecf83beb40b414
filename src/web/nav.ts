/** The public sections in the order the forum's site presents them; each feature adds its own. */
export const publicSections: Array<{ href: string; label: string }> = [
  { href: "/", label: "Home" },
  { href: "/about", label: "About" },
  { href: "/members", label: "Members" },
];

/** The private area's sections; `show` decides per role. */
export const privateSections: Array<{ href: string; label: string; secretariatOnly?: boolean }> = [
  { href: "/private", label: "Overview" },
  { href: "/private/members", label: "Organisations" },
  { href: "/private/people", label: "People" },
  { href: "/private/chairs", label: "Chair terms", secretariatOnly: true },
  { href: "/private/settings", label: "Secretariat", secretariatOnly: true },
  { href: "/private/audit", label: "Audit log", secretariatOnly: true },
  { href: "/private/account", label: "My account" },
];
