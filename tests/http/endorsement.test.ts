import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  newsArticles,
  products,
  productVersions,
  publications,
} from "../../src/db/schema/index.js";
import { textSha256 } from "../../src/features/products/consensus/agreed-version.service.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";
import { browser, makePerson } from "../support/actors.js";
import { decisionAt, reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { makePdf } from "../support/pdf.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const close = () => {
  clock = new Date("2031-02-02T12:00:00Z");
};
const P = "/private/products/lunar-white-paper";
const API = "/api/v1/products/lunar-white-paper";

const allConcur = {
  ESA: { position: "concur" },
  JAXA: { position: "concur" },
  NASA: { position: "abstain" },
} as const;
const form = (decision: number, extra: Record<string, string> = {}) => ({
  decision: String(decision),
  version: "1",
  description: "The agencies' shared view of lunar surface exploration.",
  ...extra,
});

async function setup(
  answers: Parameters<typeof reviewedProduct>[1] = allConcur,
  opts: { open?: boolean } = {},
) {
  clock = new Date("2031-01-10T12:00:00Z");
  await reviewedProduct(t.deps, answers, { dispose: true, close: opts.open ? () => {} : close });
  const secretariat = await makePerson(t.deps, ["secretariat"], null);
  return {
    secretariat,
    sec: await browser(t.deps, t.app, secretariat),
    sam: await decisionAt(t.deps, "sam_meeting"),
  };
}

const productRow = async () =>
  (await t.deps.db.select().from(products).where(eq(products.slug, "lunar-white-paper")))[0]!;
const publicationCount = async () => (await t.deps.db.select({ n: count() }).from(publications))[0]!.n;

describe("endorsement and publication", { timeout: 60_000 }, () => {
  it("the secretariat endorses a product with consensus and publishes it; the library shows it at once", async () => {
    const { sec, sam } = await setup();
    const visitor = await browser(t.deps, t.app);
    expect(await (await visitor.get("/publications")).text()).not.toContain("Lunar Surface White Paper");
    const res = await sec.post(`${P}/endorsement`, form(sam));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${P}?done=published`);
    const product = await productRow();
    expect(product).toMatchObject({ status: "published", endorsedByDecisionId: sam, newsArticleId: null });
    const [pub] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.id, product.publicationId!));
    expect(pub).toMatchObject({
      slug: "lunar-surface-white-paper",
      category: "white_paper",
      postedOn: "2031-02-02",
    });
    expect(pub!.description).toContain("## 2 Lunar surface");
    expect(pub!.description).toContain("### 2.1 Landing sites");
    expect(await (await visitor.get("/publications")).text()).toContain("Lunar Surface White Paper");
    const page = await (await visitor.get("/publications/lunar-surface-white-paper")).text();
    expect(page).toContain("The south polar region is preferred.");
    const actions = (await t.deps.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["product.endorse", "product.publish", "publication.create"]),
    );
    const overview = await (await sec.get(P)).text();
    expect(overview).toContain("/publications/lunar-surface-white-paper");
  });

  it("publishes a news item with it when asked (published, or as a draft)", async () => {
    const { sec, sam } = await setup();
    const res = await sec.post(
      `${P}/endorsement`,
      form(sam, { news: "published", newsSummary: "The forum published its lunar surface white paper." }),
    );
    expect(res.status).toBe(303);
    const [news] = await t.deps.db
      .select()
      .from(newsArticles)
      .where(eq(newsArticles.id, (await productRow()).newsArticleId!));
    expect(news).toMatchObject({ status: "published", title: "Lunar Surface White Paper published" });
    expect(news!.body).toContain("/publications/lunar-surface-white-paper");
  });

  it("attaches an uploaded PDF to the publication", async () => {
    const { sam, secretariat } = await setup();
    // An uploaded PDF must carry the stamp (endorsed-pdf.test.ts tries one without).
    const [v1] = await t.deps.db.select().from(productVersions);
    const pdf = await makePdf([`Final. Endorsed text: version 1, SHA-256 ${textSha256(v1!.body)}`]);
    const nonce = "upload-nonce";
    const token = await createSession(t.deps.db, secretariat.id, t.deps.now(), {});
    const body = new FormData();
    body.append("_csrf", csrfTokenFor(t.deps.config.sessionSecret, nonce));
    for (const [k, v] of Object.entries(form(sam))) body.append(k, v);
    body.append("file", new File([new Uint8Array(pdf)], "paper.pdf", { type: "application/pdf" }));
    const res = await t.app.request(`${P}/endorsement`, {
      method: "POST",
      body,
      headers: { cookie: `${CSRF_COOKIE}=${nonce}; ${SESSION_COOKIE}=${token}` },
    });
    expect(res.status).toBe(303);
    const [pub] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.slug, "lunar-surface-white-paper"));
    expect(pub).toMatchObject({ fileName: "paper.pdf", fileType: "application/pdf" });
  });

  it("refuses without consensus, with the reasons, and changes nothing", async () => {
    const { sec, sam } = await setup({
      ...allConcur,
      JAXA: { position: "non_concur", rationale: "Budget is unclear." },
    });
    const before = await publicationCount();
    const page = await (await sec.get(`${P}/endorsement`)).text();
    expect(page).toContain("JAXA does not concur: Budget is unclear.");
    expect(page).not.toContain("Endorse and publish</button>");
    const res = await sec.post(`${P}/endorsement`, form(sam));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("JAXA does not concur: Budget is unclear.");
    expect((await productRow()).status).toBe("drafting");
    expect(await publicationCount()).toBe(before);
    const api = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "A long enough text.",
    });
    expect(api.status).toBe(409);
    expect((await api.json()).error.message).toMatch(/JAXA does not concur/);
  });

  it("refuses while the round is still open", async () => {
    const { sec, sam } = await setup(allConcur, { open: true });
    const res = await sec.post(`${P}/endorsement`, form(sam));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("still open");
    expect((await productRow()).status).toBe("drafting");
  });

  it("refuses a decision that is not from a SAM meeting (422, field message) and changes nothing", async () => {
    const { sec } = await setup();
    const workshop = await decisionAt(t.deps, "workshop");
    const before = await publicationCount();
    const res = await sec.post(`${P}/endorsement`, form(workshop));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Only a decision of a SAM meeting");
    const api = await sec.json("POST", `${API}/endorsement`, {
      decision: workshop,
      version: 1,
      description: "A long enough text.",
    });
    expect(api.status).toBe(422);
    expect((await api.json()).error.fields.decision).toMatch(/SAM meeting/);
    expect(await publicationCount()).toBe(before);
    expect((await productRow()).status).toBe("drafting");
  });

  it("refuses bad input with a message per field", async () => {
    const { sec } = await setup();
    const res = await sec.post(`${P}/endorsement`, {
      decision: "",
      version: "1",
      description: "x",
      news: "draft",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Choose the SAM meeting decision");
    expect(html).toContain("at least 10 characters");
    expect(html).toContain("Enter a short summary for the news item");
  });

  it("refuses to publish twice", async () => {
    const { sec, sam } = await setup();
    expect((await sec.post(`${P}/endorsement`, form(sam))).status).toBe(303);
    const again = await sec.post(`${P}/endorsement`, form(sam, { slug: "another-address" }));
    expect(again.status).toBe(409);
    const api = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "A long enough text.",
    });
    expect(api.status).toBe(409);
    expect(await publicationCount()).toBeGreaterThan(0);
    expect(
      (await t.deps.db.select().from(publications).where(eq(publications.slug, "another-address"))).length,
    ).toBe(0);
  });

  it("only the secretariat endorses: members, focal points and chairs get 403, visitors sign in", async () => {
    const { sam } = await setup();
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "JAXA"));
      expect((await b.get(`${P}/endorsement`)).status).toBe(403);
      expect((await b.post(`${P}/endorsement`, form(sam))).status).toBe(403);
      expect(
        (
          await b.json("POST", `${API}/endorsement`, {
            decision: sam,
            version: 1,
            description: "A long text.",
          })
        ).status,
      ).toBe(403);
    }
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.post(`${P}/endorsement`, form(sam));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await visitor.json("POST", `${API}/endorsement`, { decision: sam })).status).toBe(401);
    expect((await productRow()).status).toBe("drafting");
  });

  it("the API endorses and answers with the publication", async () => {
    const { sec, sam } = await setup();
    const res = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "The agencies' shared view.",
      news: "draft",
      newsSummary: "A draft about the white paper.",
    });
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({
      publication: "lunar-surface-white-paper",
      round: 1,
      version: 1,
    });
    const [news] = await t.deps.db
      .select()
      .from(newsArticles)
      .where(eq(newsArticles.id, (await productRow()).newsArticleId!));
    expect(news!.status).toBe("draft");
  });
});

describe("consensus status through the API", () => {
  it("says ready, or why not, and hides positions of an open round from other agencies", async () => {
    await setup({ ...allConcur, JAXA: { position: "non_concur", rationale: "No." } }, { open: true });
    const esa = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const open = (await (await esa.json("GET", `${API}/rounds/1/consensus`)).json()).data;
    expect(open.ready).toBe(false);
    expect(open.reasons.map((r: { kind: string }) => r.kind)).toEqual(["round_open"]);
    expect(open.hiddenAgencies).toEqual(["JAXA", "NASA"]);
    close();
    // A new session: the clock moved past the old one's lifetime.
    const later = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const res = await later.json("GET", `${API}/rounds/1/consensus`);
    expect(res.status, await res.clone().text()).toBe(200);
    const closed = (await res.json()).data;
    expect(closed.reasons[0]).toMatchObject({
      kind: "non_concur",
      agency: "JAXA",
      message: "JAXA does not concur: No.",
    });
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.json("GET", `${API}/rounds/1/consensus`)).status).toBe(401);
  });
});
