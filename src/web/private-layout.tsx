import type { Child } from "hono/jsx";
import { hasRole } from "../http/actor.js";
import type { PageContext } from "./layout.js";
import { privateSections } from "./nav.js";

/** The private area's frame inside the site layout: a section menu beside the content. */
export function PrivateShell({ ctx, children }: { ctx: PageContext; children: Child }) {
  const isSecretariat = hasRole(ctx.actor, "secretariat");
  const matches = (href: string) =>
    href === "/private" ? ctx.path === "/private" : ctx.path === href || ctx.path.startsWith(`${href}/`);
  // Sections can nest (/private/technology and /private/technology/gaps): the longest match is current.
  const best = privateSections
    .map((s) => s.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const current = (href: string) => href === best;
  return (
    <div class="wrap private">
      <nav class="private-nav" aria-label="Private area">
        <p class="private-who">
          {ctx.actor.kind === "person" ? (
            <>
              <strong>{ctx.actor.name}</strong>
              <br />
              <span class="muted">{ctx.actor.organisationAcronym ?? "Secretariat"}</span>
            </>
          ) : null}
        </p>
        <ul>
          {privateSections
            .filter((s) => !s.secretariatOnly || isSecretariat)
            .filter((s) => !s.focalPoints || isSecretariat || hasRole(ctx.actor, "focal_point"))
            .map((s) => (
              <li>
                <a href={s.href} aria-current={current(s.href) ? "page" : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div class="private-main">{children}</div>
    </div>
  );
}
