import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, forumSettings } from "../../src/db/schema/index.js";
import type { Person } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

// A real 1×1 PNG.
const png = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const svg = new TextEncoder().encode(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><script>alert(1)</script><rect width="80" height="20"/></svg>',
);

/** Posts the logo form as a browser does: multipart, with the CSRF field. */
async function sendLogo(person: Person, file?: { name: string; type: string; bytes: Uint8Array }) {
  const b = await browser(t.deps, t.app, person);
  const form = new FormData();
  form.append("_csrf", b.csrf);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return t.app.request("/private/site/logo", { method: "POST", headers: { cookie: b.cookie }, body: form });
}

const storedLogo = async () => {
  const [row] = await t.deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum"));
  return (row!.value as { logo?: { sha256: string; type: string } }).logo;
};
const logoSrc = async () =>
  /<img class="brand-logo" src="([^"]+)"/.exec(await (await t.app.request("/")).text())?.[1];

describe("the forum's logo", () => {
  it("the secretariat uploads a PNG: every page's header shows it, served for good by its content", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    expect(await logoSrc()).toBeUndefined();
    const res = await sendLogo(sec, { name: "logo.png", type: "image/png", bytes: png });
    expect(res.status).toBe(303);
    const src = await logoSrc();
    expect(src).toMatch(/^\/site-logo\/[0-9a-f]{64}\.png$/);
    const img = await t.app.request(src!);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/png");
    expect(img.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await img.arrayBuffer())).toEqual(png);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "site.logo"));
    expect(entry!.summary).toBe("Changed the forum's logo");
  });

  it("refuses what is not an image, an image over 512 KB and an empty form, with a message, changing nothing", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const fake = await sendLogo(sec, {
      name: "logo.png",
      type: "image/png",
      bytes: new TextEncoder().encode("<html>not an image</html>"),
    });
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain("Choose a PNG, JPEG, WebP or SVG image.");
    const big = new Uint8Array(600 * 1024);
    big.set(png);
    const tooBig = await sendLogo(sec, { name: "huge.png", type: "image/png", bytes: big });
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain("a logo may be up to 512 KB");
    const none = await sendLogo(sec);
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Choose the image file of the logo.");
    expect(await storedLogo()).toBeUndefined();
  });

  it("an SVG logo is served so that nothing in it can run when it is opened on its own", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    expect((await sendLogo(sec, { name: "logo.svg", type: "image/svg+xml", bytes: svg })).status).toBe(303);
    const res = await t.app.request((await logoSrc())!);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("a replaced logo's old address is gone; removing asks first and brings back the short name", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    await sendLogo(sec, { name: "logo.png", type: "image/png", bytes: png });
    const first = (await logoSrc())!;
    await sendLogo(sec, { name: "logo.svg", type: "image/svg+xml", bytes: svg });
    expect((await t.app.request(first)).status).toBe(404);
    const b = await browser(t.deps, t.app, sec);
    expect(await (await b.get("/private/site/logo/remove")).text()).toContain("Remove the logo?");
    expect((await b.post("/private/site/logo/remove")).status).toBe(303);
    expect(await logoSrc()).toBeUndefined();
    expect(await (await t.app.request("/")).text()).toContain(
      '<span class="brand-mark" aria-hidden="true">ISECG</span>',
    );
    expect((await t.app.request("/site-logo/0.png")).status).toBe(404);
  });

  it("only the secretariat changes the logo: a focal point is refused, a visitor is sent to sign in", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    expect((await sendLogo(fp, { name: "logo.png", type: "image/png", bytes: png })).status).toBe(403);
    const visitor = await t.app.request("/private/site/logo", { method: "POST", body: new FormData() });
    expect([303, 403]).toContain(visitor.status);
    expect(await storedLogo()).toBeUndefined();
  });
});
