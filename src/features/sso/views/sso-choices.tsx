import { safeNext } from "../../auth/auth.pages.js";

/** The address that starts "Sign in with {acronym}" (by the organisation's slug), keeping where to go afterwards. */
export function ssoStartPath(slug: string, next?: string): string {
  const path = `/sign-in/sso/${slug}`;
  const after = safeNext(next);
  return after === "/private" ? path : `${path}?next=${encodeURIComponent(after)}`;
}

/** "Sign in with {acronym}" for each agency whose single sign-on is on; nothing when there is none. */
export function SsoChoices(p: {
  agencies: Array<{ acronym: string; slug: string; name: string }>;
  next?: string;
}) {
  if (p.agencies.length === 0) return null;
  return (
    <section class="sso-choices" aria-labelledby="sso-heading">
      <h2 id="sso-heading">Or sign in with your agency</h2>
      <ul class="plain sso-list">
        {p.agencies.map((a) => (
          <li>
            <a class="button button-quiet" href={ssoStartPath(a.slug, p.next)} rel="nofollow">
              Sign in with {a.acronym}
              <span class="visually-hidden"> ({a.name})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
