import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, meetingDecisions, meetings, products, publications } from "../../src/db/schema/index.js";
import { createVersion } from "../../src/features/products/products.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { decisionAt, reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { V2 } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";
const API = "/api/v1/products/lunar-white-paper";
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const allConcur = {
  ESA: { position: "concur" },
  JAXA: { position: "concur" },
  NASA: { position: "abstain" },
} as const;
const form = (decision: number, version: number, extra: Record<string, string> = {}) => ({
  decision: String(decision),
  version: String(version),
  description: "The agencies' shared view of lunar surface exploration.",
  ...extra,
});

/** Round 1 agreed on version 1; the comments were accepted, and the editors added version 2. */
async function agreedThenChanged() {
  clock = new Date("2031-01-10T12:00:00Z");
  await reviewedProduct(t.deps, allConcur, {
    dispose: true,
    close: () => {
      clock = new Date("2031-02-02T12:00:00Z");
    },
  });
  await createVersion(t.deps, systemActor("test"), "lunar-white-paper", {
    body: V2,
    note: "Accepted changes",
  });
  const secretariat = await makePerson(t.deps, ["secretariat"], null);
  return {
    secretariat,
    sec: await browser(t.deps, t.app, secretariat),
    sam: await decisionAt(t.deps, "sam_meeting"),
  };
}

const productRow = async () =>
  (await t.deps.db.select().from(products).where(eq(products.slug, "lunar-white-paper")))[0]!;
const publicationOf = async () => {
  const p = await productRow();
  if (!p.publicationId) return undefined;
  return (await t.deps.db.select().from(publications).where(eq(publications.id, p.publicationId)))[0];
};

describe("endorse exactly what was agreed", { timeout: 60_000 }, () => {
  it("does not publish version 1 when a version 2 was added after the round agreed on version 1", async () => {
    const { sec, sam } = await agreedThenChanged();
    const res = await sec.post(`${P}/endorsement`, form(sam, 1));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("version 2");
    expect((await productRow()).status).toBe("drafting");
    expect(await publicationOf()).toBeUndefined();
    const v2 = await sec.post(`${P}/endorsement`, form(sam, 2));
    expect(v2.status).toBe(409);
    expect((await productRow()).status).toBe("drafting");
  });

  it("the endorsement page shows the changes since the agreed version and offers the two ways on", async () => {
    const { sec } = await agreedThenChanged();
    const page = await (await sec.get(`${P}/endorsement`)).text();
    expect(page).toContain("Version 2 was added after round 1 reached consensus on version 1");
    expect(page).toContain("Shackleton crater");
    expect(page).toContain(`${P}/rounds/new`);
    expect(page).toContain(`${P}/editorial`);
    expect(page).not.toContain("Endorse and publish</button>");
  });

  it("after the editors record that the changes are editorial only, version 2 is published with its hash", async () => {
    const { sec, sam } = await agreedThenChanged();
    const empty = await sec.post(`${P}/editorial`, { from: "1", to: "2", reason: " " });
    expect(empty.status).toBe(422);
    const ok = await sec.post(`${P}/editorial`, {
      from: "1",
      to: "2",
      reason: "Only the accepted wording of comments 1 to 3; nothing else changed.",
    });
    expect(ok.status).toBe(303);
    const history = await (await sec.get(`${P}/history`)).text();
    expect(history).toContain("editorial only");
    expect(history).toContain("Only the accepted wording of comments 1 to 3");
    const old = await sec.post(`${P}/endorsement`, form(sam, 1));
    expect(old.status).toBe(409);
    const res = await sec.post(`${P}/endorsement`, form(sam, 2));
    expect(res.status).toBe(303);
    const product = await productRow();
    expect(product.endorsedSha256).toBe(sha(V2.trim()));
    const pub = await publicationOf();
    expect(pub!.description).toContain("Shackleton crater");
    expect(pub!.description).toContain("Version 2");
    expect(pub!.description).toContain(sha(V2.trim()));
    const endorse = (await t.deps.db.select().from(auditLog)).find((a) => a.action === "product.endorse");
    expect(endorse!.details).toMatchObject({ version: 2, sha256: sha(V2.trim()), editorial: true });
    const publicPage = await (await (await browser(t.deps, t.app)).get(`/publications/${pub!.slug}`)).text();
    expect(publicPage).toContain(sha(V2.trim()));
  });

  it("only the product's editors record editorial-only changes; a member or another agency's focal point gets 403", async () => {
    await agreedThenChanged();
    for (const roles of [["member"], ["member", "focal_point"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "JAXA"));
      const body = { from: "1", to: "2", reason: "Nothing of substance changed at all." };
      expect((await b.post(`${P}/editorial`, body)).status).toBe(403);
      expect(
        (await b.json("POST", `${API}/editorial-confirmations`, { from: 1, to: 2, reason: "x".repeat(20) }))
          .status,
      ).toBe(403);
    }
  });

  it("refuses an editorial-only record that does not start at the agreed version", async () => {
    const { sec } = await agreedThenChanged();
    await createVersion(t.deps, systemActor("test"), "lunar-white-paper", { body: `${V2}\nMore.\n` });
    const res = await sec.json("POST", `${API}/editorial-confirmations`, {
      from: 2,
      to: 3,
      reason: "Only a typo fixed in the new section.",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/version 1/);
  });

  it("without later versions, the agreed version is endorsed and named; another number is refused", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await reviewedProduct(t.deps, allConcur, {
      dispose: true,
      close: () => {
        clock = new Date("2031-02-02T12:00:00Z");
      },
    });
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const sam = await decisionAt(t.deps, "sam_meeting");
    const wrong = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 2,
      description: "The agencies' shared view.",
    });
    expect(wrong.status).toBe(409);
    const res = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "The agencies' shared view.",
    });
    expect(res.status).toBe(201);
    expect((await res.json()).data).toMatchObject({
      version: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("refuses a decision of a SAM meeting not held yet, and does not offer it", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await reviewedProduct(t.deps, allConcur, {
      dispose: true,
      close: () => {
        clock = new Date("2031-02-02T12:00:00Z");
      },
    });
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const sam = await decisionAt(t.deps, "sam_meeting");
    const [d] = await t.deps.db.select().from(meetingDecisions).where(eq(meetingDecisions.id, sam));
    await t.deps.db
      .update(meetings)
      .set({ startsAt: new Date("2031-06-01T08:00:00Z"), endsAt: new Date("2031-06-02T17:00:00Z") })
      .where(eq(meetings.id, d!.meetingId));
    const page = await (await sec.get(`${P}/endorsement`)).text();
    expect(page).not.toContain(`<option value="${sam}"`);
    const res = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "The agencies' shared view.",
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.decision).toMatch(/not been held yet/);
    expect((await productRow()).status).toBe("drafting");
  });

  it("a confirming round on version 2 that reaches consensus makes version 2 endorsable", async () => {
    const { sec, sam } = await agreedThenChanged();
    const opened = await sec.post(`${P}/rounds/new`, {
      version: "2",
      deadline: "2031-03-01T12:00",
      timeZone: "UTC",
      agencies: ["ESA"],
      silenceMeans: "concur",
    });
    expect(opened.status).toBe(303);
    clock = new Date("2031-03-02T12:00:00Z");
    const later = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await later.post(`${P}/endorsement`, form(sam, 2));
    expect(res.status).toBe(303);
    expect((await productRow()).endorsedSha256).toBe(sha(V2.trim()));
  });
});
