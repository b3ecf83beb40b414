/** What a hostile client sends: addresses, queries and bodies no browser would, for every route. */

/** Path segments that are malformed or hold NUL: the input guard answers 400 before any route. */
export const BAD_SEGMENTS = ["%00", "a%00b", "%ff", "%", "%zz", "%ED%A0%80", "%C0%AF"];

/** Path segments that are well formed but odd: out of range, huge, or shaped like an attack. */
export const ODD_SEGMENTS = [
  "99999999999999999999",
  "-1",
  "1.5",
  "x".repeat(3000),
  "%27%22%3Cscript%3E",
  "..%2F..%2Fetc%2Fpasswd",
];

/** Query values that are malformed or hold NUL (400), then odd but well formed ones. */
export const BAD_QUERY_VALUES = ["%00", "%ff", "%", "%ED%A0%80"];
export const ODD_QUERY_VALUES = [
  "99999999999999999999",
  "-1",
  "2024-13-45",
  "%27%22%3Cx%3E",
  "x".repeat(3000),
  "[]",
  "",
];

/** Every query parameter a page or an API route reads somewhere. */
export const QUERY_KEYS = [
  "q",
  "page",
  "done",
  "dataset",
  "agency",
  "token",
  "year",
  "from",
  "to",
  "technology",
  "section",
  "next",
  "type",
  "status",
  "role",
  "revision",
  "category",
  "a",
  "b",
  "area",
  "action",
  "group",
  "meeting",
  "mine",
  "destination",
  "crewed",
  "lead",
  "slug",
  "format",
  "dryRun",
];

/** A query string giving every key the same value. */
export const queryWith = (value: string) => QUERY_KEYS.map((k) => `${k}=${value}`).join("&");

/** A query string giving each key a different odd value, starting at `shift`. */
export const oddQuery = (shift: number) =>
  QUERY_KEYS.map((k, i) => `${k}=${ODD_QUERY_VALUES[(i + shift) % ODD_QUERY_VALUES.length]}`).join("&");

// A route parameter with an optional pattern that may itself hold braces: ":code{[A-Z]{2,6}-[0-9]+}".
const PARAM = /:\w+(?:\{(?:[^{}]|\{[^{}]*\})*\})?\??/g;

/** The route's path with every parameter replaced by `value`. */
export const withParams = (path: string, value: string) => path.replace(PARAM, value);

/** True when the path has parameters to replace. */
export const hasParams = (path: string) => path.includes(":");

type Route = { method: string; path: string };

/** Each method and path the app answers, once (Hono lists middleware as ALL; those are left out). */
export function routesOf(app: { routes: Route[] }): Route[] {
  const seen = new Map<string, Route>();
  for (const r of app.routes) {
    if (r.method === "ALL" || r.path.includes("*")) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Text every form field a page reads might hold: NUL inside words, NUL alone, a broken surrogate. */
const FIELDS = [
  "email",
  "password",
  "name",
  "title",
  "body",
  "summary",
  "slug",
  "acronym",
  "q",
  "token",
  "note",
];

/** Bodies for a write route: NUL and lone surrogates in forms and JSON, malformed and mistyped bodies. */
export function hostileBodies(csrf: string): { label: string; type: string; body: BodyInit }[] {
  const form = new URLSearchParams({ _csrf: csrf });
  for (const f of FIELDS) form.append(f, `a\u0000b`);
  const multipart = new FormData();
  multipart.append("_csrf", csrf);
  for (const f of FIELDS) multipart.append(f, "\u0000");
  const json = Object.fromEntries(FIELDS.map((f) => [f, "a\u0000b"]));
  return [
    { label: "form with NUL", type: "application/x-www-form-urlencoded", body: form.toString() },
    {
      label: "form with malformed escapes",
      type: "application/x-www-form-urlencoded",
      body: `_csrf=${csrf}&email=%ff&name=%&title=%ED%A0%80`,
    },
    { label: "multipart with NUL", type: "", body: multipart },
    { label: "multipart without boundary", type: "multipart/form-data", body: "name=x" },
    { label: "JSON with NUL", type: "application/json", body: JSON.stringify(json) },
    {
      label: "JSON with a lone surrogate",
      type: "application/json",
      body: '{"name":"a\\ud800b","title":["\\udc00"],"x\\u0000":1}',
    },
    { label: "malformed JSON", type: "application/json", body: '{"name":' },
    { label: "JSON that is not an object", type: "application/json", body: "[null, 1e400]" },
    { label: "plain text", type: "text/plain", body: "name=a\u0000b" },
  ];
}

/** A body just over the general 1 MB limit. */
export const OVERSIZED = "x".repeat(1024 * 1024 + 1);
