import { z } from "zod";

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True for a well-formed domain name such as "esa.int" (at least two labels, no scheme or @). */
export function isDomainName(value: string): boolean {
  const labels = value.split(".");
  if (value.length > 253 || labels.length < 2) return false;
  return labels.every((l) => label.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** Plain http is only for a provider on this machine (tests and trials); everything else is https. */
export function isAllowedIssuer(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** The domains typed one per line or separated by commas, lower-cased, without "@" and duplicates. */
export const splitDomains = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
  ),
];

/** The secretariat's form for an organisation's single sign-on; a blank secret keeps the stored one. */
export const ssoSettingsInput = z.object({
  issuer: z
    .string()
    .trim()
    .min(1, "Enter the issuer address of the agency's identity provider.")
    .max(500, "The issuer address can be at most 500 characters.")
    .refine(isAllowedIssuer, "Enter an https:// address without query (http:// only for localhost)."),
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the client id the identity provider gave this platform.")
    .max(500, "The client id can be at most 500 characters."),
  clientSecret: z.string().trim().max(2000, "The client secret can be at most 2,000 characters.").default(""),
  allowedDomains: z
    .string()
    .max(5000, "List at most a few dozen domains.")
    .default("")
    .transform(splitDomains)
    .superRefine((domains, ctx) => {
      const bad = domains.filter((d) => !isDomainName(d));
      if (bad.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `Not a domain name: ${bad.join(", ")}. Write domains such as esa.int, one per line.`,
        });
    }),
  enabled: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
});
