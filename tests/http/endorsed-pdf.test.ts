import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productVersions, publications } from "../../src/db/schema/index.js";
import { textSha256 } from "../../src/features/products/consensus/agreed-version.service.js";
import { extractPdfText } from "../../src/features/publications/publications.files.service.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";
import { browser, makePerson } from "../support/actors.js";
import { decisionAt, reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { makePdf } from "../support/pdf.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";
/** The hash of version 1 as stored (the version's text, not the fixture's bytes). */
const sha = async () => textSha256((await t.deps.db.select().from(productVersions))[0]!.body);

async function setup() {
  clock = new Date("2031-01-10T12:00:00Z");
  await reviewedProduct(
    t.deps,
    { ESA: { position: "concur" }, JAXA: { position: "concur" } },
    {
      dispose: true,
      close: () => {
        clock = new Date("2031-02-02T12:00:00Z");
      },
    },
  );
  const secretariat = await makePerson(t.deps, ["secretariat"], null);
  return { secretariat, sam: await decisionAt(t.deps, "sam_meeting") };
}

const form = (decision: number) => ({
  decision: String(decision),
  version: "1",
  description: "The agencies' shared view of lunar surface exploration.",
});

/** Endorses with an uploaded PDF holding `text` (a multipart form, as the browser sends it). */
async function endorseWithFile(secretariatId: number, sam: number, text: string) {
  const pdf = await makePdf([text]);
  const nonce = "upload-nonce";
  const token = await createSession(t.deps.db, secretariatId, t.deps.now(), {});
  const body = new FormData();
  body.append("_csrf", csrfTokenFor(t.deps.config.sessionSecret, nonce));
  for (const [k, v] of Object.entries(form(sam))) body.append(k, v);
  body.append("file", new File([new Uint8Array(pdf)], "paper.pdf", { type: "application/pdf" }));
  return t.app.request(`${P}/endorsement`, {
    method: "POST",
    body,
    headers: { cookie: `${CSRF_COOKIE}=${nonce}; ${SESSION_COOKIE}=${token}` },
  });
}

const publicationCount = async () => (await t.deps.db.select({ n: count() }).from(publications))[0]!.n;

describe("the endorsed text and its PDF carry the version and its hash", { timeout: 60_000 }, () => {
  it("without an upload the platform makes the PDF; its text names the version and the SHA-256", async () => {
    const { secretariat, sam } = await setup();
    const SHA = await sha();
    const sec = await browser(t.deps, t.app, secretariat);
    expect((await sec.post(`${P}/endorsement`, form(sam))).status).toBe(303);
    const visitor = await browser(t.deps, t.app);
    const page = await (await visitor.get("/publications/lunar-surface-white-paper")).text();
    expect(page).toContain(`Version 1, SHA-256 <code>${SHA}</code>`);
    const file = await visitor.get("/publications/lunar-surface-white-paper/file");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("application/pdf");
    const text = (await extractPdfText(new Uint8Array(await file.arrayBuffer()))) ?? "";
    expect(text).toContain("Endorsed text: version 1");
    expect(text).toContain(`SHA-256 ${SHA}`);
    expect(text).toContain("2.1 Landing sites");
  });

  it("an uploaded PDF that does not name the version's hash is refused, and nothing is published", async () => {
    const { secretariat, sam } = await setup();
    const SHA = await sha();
    const before = await publicationCount();
    const res = await endorseWithFile(secretariat.id, sam, "Lunar surface white paper, final.");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`Endorsed text: version 1, SHA-256 ${SHA}`);
    expect(await publicationCount()).toBe(before);
  });

  it("an uploaded PDF that carries the stamp is attached as it is", async () => {
    const { secretariat, sam } = await setup();
    const SHA = await sha();
    const res = await endorseWithFile(secretariat.id, sam, `Final. Endorsed text: version 1, SHA-256 ${SHA}`);
    expect(res.status).toBe(303);
    const [pub] = await t.deps.db
      .select()
      .from(publications)
      .where(eq(publications.slug, "lunar-surface-white-paper"));
    expect(pub).toMatchObject({ fileName: "paper.pdf", fileType: "application/pdf" });
  });
});
