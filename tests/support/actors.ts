import { eq } from "drizzle-orm";
import { organisations, people, type Role } from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import type { Person } from "../../src/http/actor.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";

let counter = 0;

/** Inserts a person straight into the database (no password) and returns them as an actor. */
export async function makePerson(
  deps: Deps,
  roles: Role[],
  organisation: string | null = "ESA",
): Promise<Person> {
  const org = organisation
    ? (await deps.db.select().from(organisations).where(eq(organisations.acronym, organisation)))[0]
    : undefined;
  if (organisation && !org) throw new Error(`No organisation ${organisation} in the test data`);
  const n = ++counter;
  const [row] = await deps.db
    .insert(people)
    .values({
      name: `Test Person ${n}`,
      email: `person${n}-${Date.now()}@example.org`,
      roles,
      organisationId: org?.id ?? null,
    })
    .returning();
  return {
    kind: "person",
    id: row!.id,
    name: row!.name,
    email: row!.email,
    roles,
    organisationId: org?.id ?? null,
    organisationAcronym: org?.acronym ?? null,
  };
}

/** The actors the role matrix tries: one per role, plus a focal point of another agency. */
export async function matrixActors(deps: Deps) {
  return {
    member: await makePerson(deps, ["member"], "ESA"),
    focalPoint: await makePerson(deps, ["member", "focal_point"], "ESA"),
    otherFocalPoint: await makePerson(deps, ["member", "focal_point"], "JAXA"),
    chair: await makePerson(deps, ["member", "chair"], "NASA"),
    secretariat: await makePerson(deps, ["secretariat"], null),
  };
}

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** A browser-like client: carries the session and CSRF cookies and fills the CSRF field in forms. */
export async function browser(deps: Deps, app: App, person?: Person) {
  const nonce = "test-nonce";
  const cookies = [`${CSRF_COOKIE}=${nonce}`];
  if (person) cookies.push(`${SESSION_COOKIE}=${await createSession(deps.db, person.id, deps.now(), {})}`);
  const csrf = csrfTokenFor(deps.config.sessionSecret, nonce);
  const headers = { cookie: cookies.join("; ") };
  return {
    csrf,
    /** The Cookie header this client sends. */
    cookie: headers.cookie,
    get: (path: string) => app.request(path, { headers }),
    /** Posts a form; arrays become repeated fields. `csrf: false` leaves the token out. */
    post: (path: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}) => {
      const body = new URLSearchParams();
      if (opts.csrf !== false) body.append("_csrf", csrf);
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
      return app.request(path, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    },
    json: (method: string, path: string, payload?: unknown) =>
      app.request(path, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      }),
  };
}
