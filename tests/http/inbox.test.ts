import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  inboxAttachments,
  inboxDeliveries,
  inboxMessages,
  organisations,
  outbox,
  storedFiles,
} from "../../src/db/schema/index.js";
import { submitInput } from "../../src/features/inbox/contact.service.js";
import {
  anonymiseOldInput,
  expireUnconfirmedInput,
  sendInputReminders,
} from "../../src/features/inbox/inbox.jobs.js";
import { yearlyInputCounts } from "../../src/features/inbox/inbox.queries.js";
import { statusToken } from "../../src/features/inbox/inbox.tokens.service.js";
import { visitor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { goodInput, makeConfirmedInput, startedLongAgo } from "../support/inbox.js";
import { makePdf } from "../support/pdf.js";

let clock = Date.now();
const t = useTestDatabase({ now: () => new Date(clock) });
const DAY = 86_400_000;

async function people() {
  return {
    secretariat: await makePerson(t.deps, ["secretariat"], null),
    esaFocal: await makePerson(t.deps, ["member", "focal_point"], "ESA"),
    esaMember: await makePerson(t.deps, ["member"], "ESA"),
    jaxaFocal: await makePerson(t.deps, ["member", "focal_point"], "JAXA"),
    nasaFocal: await makePerson(t.deps, ["member", "focal_point"], "NASA"),
  };
}

const memberCount = async () =>
  (await t.deps.db.select().from(organisations)).filter(
    (o) => !o.leftOn || o.leftOn > new Date().toISOString().slice(0, 10),
  ).length;

describe("the secretariat's triage", () => {
  it("lists confirmed messages only, with filters and search", async () => {
    clock = Date.now();
    const p = await people();
    const { reference } = await makeConfirmedInput(t.deps, {
      subject: "Lunar dust mitigation",
      topic: "Science",
      kind: "company",
    });
    await submitInput(t.deps, visitor, goodInput({ subject: "Never confirmed" }), {
      files: [],
      honeypot: "",
      started: startedLongAgo(t.deps),
      client: "x",
    });
    const b = await browser(t.deps, t.app, p.secretariat);
    const all = await (await b.get("/private/inbox")).text();
    expect(all).toContain(reference);
    expect(all).not.toContain("Never confirmed");
    expect(await (await b.get("/private/inbox?q=dust")).text()).toContain(reference);
    expect(await (await b.get("/private/inbox?q=nothing-like-this")).text()).toContain(
      "No message matches these filters.",
    );
    expect(await (await b.get("/private/inbox?topic=Science&kind=company&status=new")).text()).toContain(
      reference,
    );
    expect(await (await b.get("/private/inbox?kind=individual")).text()).not.toContain(reference);
    // A day that does not exist is ignored rather than sent to the database.
    const odd = await b.get("/private/inbox?from=2026-02-31&to=2026-13-01");
    expect(odd.status).toBe(200);
    expect(await odd.text()).toContain(reference);
  });

  it("shows the sender's Markdown rendered safely: script and raw HTML come out as text", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps, {
      subject: "<img src=x onerror=alert(1)>",
      message: "Hello <script>alert(1)</script> and [a link](javascript:alert(1)) and **bold**",
    });
    const html = await (
      await (await browser(t.deps, t.app, p.secretariat)).get(`/private/inbox/${id}`)
    ).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("forwards to every member agency and mails each agency's focal points once", async () => {
    const p = await people();
    const { id, reference } = await makeConfirmedInput(t.deps);
    const b = await browser(t.deps, t.app, p.secretariat);
    const res = await b.post(`/private/inbox/${id}/forwarding`, {});
    expect(res.status).toBe(303);
    const deliveries = await t.deps.db
      .select()
      .from(inboxDeliveries)
      .where(eq(inboxDeliveries.messageId, id));
    expect(deliveries).toHaveLength(await memberCount());
    const mails = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `inbox-forward:${id}:%`));
    expect(mails.map((m) => m.toAddress)).toEqual(
      expect.arrayContaining([p.esaFocal.email, p.jaxaFocal.email]),
    );
    expect(mails.map((m) => m.toAddress)).not.toContain(p.esaMember.email);
    // Forwarding again adds nothing and mails nobody twice.
    expect((await b.post(`/private/inbox/${id}/forwarding`, {})).status).toBe(303);
    expect(
      await t.deps.db
        .select()
        .from(outbox)
        .where(like(outbox.dedupeKey, `inbox-forward:${id}:%`)),
    ).toHaveLength(mails.length);
    const [m] = await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
    expect(m!.status).toBe("forwarded");
    const page = await (await b.get(`/private/inbox/${id}`)).text();
    expect(page).toContain(reference);
    expect(page).toContain("Where each agency stands");
  });

  it("forwarding to chosen agencies needs a reason, which is recorded", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const b = await browser(t.deps, t.app, p.secretariat);
    const refused = await b.post(`/private/inbox/${id}/forwarding`, { agencies: ["ESA", "JAXA"] });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Say why only these agencies receive it.");
    const ok = await b.post(`/private/inbox/${id}/forwarding`, {
      agencies: ["ESA", "JAXA"],
      reason: "Lunar landers",
    });
    expect(ok.status).toBe(303);
    expect(
      await t.deps.db.select().from(inboxDeliveries).where(eq(inboxDeliveries.messageId, id)),
    ).toHaveLength(2);
    const [m] = await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
    expect(m!.forwardReason).toBe("Lunar landers");
  });

  it("asks the sender for more; the sender answers from the status page and the message is back in triage", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const b = await browser(t.deps, t.app, p.secretariat);
    expect((await b.post(`/private/inbox/${id}/question`, { question: "" })).status).toBe(422);
    expect((await b.post(`/private/inbox/${id}/question`, { question: "Which TRL?" })).status).toBe(303);
    const token = statusToken(t.deps.config.sessionSecret, id);
    const sender = await browser(t.deps, t.app);
    const status = await (await sender.get(`/contact/status?token=${token}`)).text();
    expect(status).toContain("Which TRL?");
    expect((await sender.post(`/contact/status?token=${token}`, { text: "TRL 4." })).status).toBe(303);
    const [m] = await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
    expect(m!.status).toBe("new");
    expect(await (await b.get(`/private/inbox/${id}`)).text()).toContain("TRL 4.");
  });

  it("closes as spam with a polite reply, merges duplicates and tags, deleting nothing", async () => {
    const p = await people();
    const a = await makeConfirmedInput(t.deps);
    const dup = await makeConfirmedInput(t.deps);
    const spam = await makeConfirmedInput(t.deps);
    const b = await browser(t.deps, t.app, p.secretariat);
    expect(
      (await b.post(`/private/inbox/${spam.id}/closure`, { status: "spam", reply: "Thank you." })).status,
    ).toBe(303);
    expect(
      await t.deps.db
        .select()
        .from(outbox)
        .where(like(outbox.dedupeKey, `inbox-note:${spam.id}:%`)),
    ).toHaveLength(1);
    const confirm = await b.get(`/private/inbox/${dup.id}/merge?into=${a.reference}`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("nothing is deleted");
    expect((await b.post(`/private/inbox/${dup.id}/merge`, { into: a.reference })).status).toBe(303);
    expect(
      (await b.post(`/private/inbox/${a.id}/tags`, { tags: "Regolith, ISRU, regolith", group: "" })).status,
    ).toBe(303);
    const rows = await t.deps.db.select().from(inboxMessages);
    expect(rows.find((r) => r.id === spam.id)!.status).toBe("spam");
    expect(rows.find((r) => r.id === dup.id)).toMatchObject({ status: "merged", mergedIntoId: a.id });
    expect(rows.find((r) => r.id === a.id)!.tags).toEqual(["regolith", "isru"]);
  });
});

describe("agencies' inboxes", () => {
  it("an agency acknowledges, says it is interested and replies; another agency never sees that reply", async () => {
    const p = await people();
    const { id, reference } = await makeConfirmedInput(t.deps);
    const sec = await browser(t.deps, t.app, p.secretariat);
    await sec.post(`/private/inbox/${id}/forwarding`, {});
    const esaMember = await browser(t.deps, t.app, p.esaMember);
    expect(await (await esaMember.get("/private/inbox")).text()).toContain(reference);
    expect((await esaMember.post(`/private/inbox/${id}/receipt`, { step: "acknowledge" })).status).toBe(303);
    // A member who is not a focal point does not speak for the agency.
    expect((await esaMember.post(`/private/inbox/${id}/replies`, { reply: "Hello" })).status).toBe(403);
    const esa = await browser(t.deps, t.app, p.esaFocal);
    expect((await esa.post(`/private/inbox/${id}/interest`, { interest: "interested" })).status).toBe(303);
    expect(
      (await esa.post(`/private/inbox/${id}/replies`, { reply: "ESA would like to talk to them." })).status,
    ).toBe(303);
    const jaxa = await browser(t.deps, t.app, p.jaxaFocal);
    expect(
      (await jaxa.post(`/private/inbox/${id}/replies`, { reply: "The view of JAXA only." })).status,
    ).toBe(303);
    const jaxaPage = await (await jaxa.get(`/private/inbox/${id}`)).text();
    expect(jaxaPage).toContain("The view of JAXA only.");
    expect(jaxaPage).not.toContain("ESA would like to talk to them.");
    const api = await (await jaxa.json("GET", `/api/v1/inbox/${reference}`)).json();
    expect(api.data.notes.map((n: { text: string }) => n.text)).toEqual(["The view of JAXA only."]);
    expect(api.data.agencies.map((a: { agency: string }) => a.agency)).toEqual(["JAXA"]);
    const full = await (await sec.json("GET", `/api/v1/inbox/${reference}`)).json();
    expect(full.data.notes).toHaveLength(2);
    expect(full.data.agencies.length).toBeGreaterThan(20);
    const secPage = await (await sec.get(`/private/inbox/${id}`)).text();
    expect(secPage).toContain("ESA would like to talk to them.");
    expect(secPage).toContain("Interested");
    const [d] = await t.deps.db
      .select()
      .from(inboxDeliveries)
      .innerJoin(organisations, eq(organisations.id, inboxDeliveries.organisationId))
      .where(and(eq(inboxDeliveries.messageId, id), eq(organisations.acronym, "ESA")));
    expect(d!.inbox_deliveries.acknowledgedAt).not.toBeNull();
    expect(d!.inbox_deliveries.interest).toBe("interested");
  });

  it("the private home says what waits in the inbox, for the secretariat and for an agency", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const sec = await browser(t.deps, t.app, p.secretariat);
    expect(await (await sec.get("/private")).text()).toContain(
      "1 new message from the public waits for triage.",
    );
    await sec.post(`/private/inbox/${id}/forwarding`, {});
    const esa = await browser(t.deps, t.app, p.esaMember);
    expect(await (await esa.get("/private")).text()).toContain(
      "1 message forwarded to your agency is not acknowledged yet.",
    );
    await esa.post(`/private/inbox/${id}/receipt`, { step: "acknowledge" });
    expect(await (await esa.get("/private")).text()).toContain(
      "Your agency has acknowledged everything forwarded to it.",
    );
  });

  it("an agency the message was not forwarded to cannot open it or its files", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const sec = await browser(t.deps, t.app, p.secretariat);
    await sec.post(`/private/inbox/${id}/forwarding`, { agencies: "ESA", reason: "Only ESA builds this" });
    const nasa = await browser(t.deps, t.app, p.nasaFocal);
    expect((await nasa.get(`/private/inbox/${id}`)).status).toBe(403);
    expect(await (await nasa.get("/private/inbox")).text()).toContain("No messages yet.");
    expect((await nasa.post(`/private/inbox/${id}/receipt`, { step: "read" })).status).toBe(403);
    expect((await t.app.request(`/private/inbox/${id}`)).status).toBe(303);
  });

  it("the secretariat's consolidated answer shows on the sender's status page as answered", async () => {
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const sec = await browser(t.deps, t.app, p.secretariat);
    await sec.post(`/private/inbox/${id}/forwarding`, {});
    const token = statusToken(t.deps.config.sessionSecret, id);
    expect(await (await t.app.request(`/contact/status?token=${token}`)).text()).toContain(
      "Forwarded to the member agencies on",
    );
    expect(
      (await sec.post(`/private/inbox/${id}/answer`, { answer: "Two agencies will contact you." })).status,
    ).toBe(303);
    const page = await (await t.app.request(`/contact/status?token=${token}`)).text();
    expect(page).toContain("Answered on");
    expect(page).toContain("Two agencies will contact you.");
  });
});

describe("privacy and upkeep", () => {
  it("withdrawal removes the sender's personal data and files, and agencies no longer see them", async () => {
    const p = await people();
    const pdf = await makePdf(["A private report only this sender has"]);
    const id = await submitInput(t.deps, visitor, goodInput(), {
      files: [{ name: "private.pdf", type: "application/pdf", bytes: pdf }],
      honeypot: "",
      started: startedLongAgo(t.deps),
      client: "y",
    });
    const { confirmInput } = await import("../../src/features/inbox/contact.service.js");
    const { mailedConfirmToken } = await import("../support/inbox.js");
    await confirmInput(t.deps, visitor, await mailedConfirmToken(t.deps, id));
    const [file] = await t.deps.db.select().from(inboxAttachments).where(eq(inboxAttachments.messageId, id));
    const token = statusToken(t.deps.config.sessionSecret, id);
    const sender = await browser(t.deps, t.app);
    expect(await (await sender.get(`/contact/withdraw?token=${token}`)).text()).toContain("cannot be undone");
    expect((await sender.post(`/contact/withdraw?token=${token}`)).status).toBe(200);
    const [m] = await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
    expect(m).toMatchObject({
      status: "withdrawn",
      senderName: null,
      senderEmail: null,
      organisation: null,
      body: "",
    });
    expect(
      await t.deps.db.select().from(inboxAttachments).where(eq(inboxAttachments.messageId, id)),
    ).toHaveLength(0);
    expect(
      await t.deps.db.select().from(storedFiles).where(eq(storedFiles.sha256, file!.sha256)),
    ).toHaveLength(0);
    const mails = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `inbox-%:${id}`));
    expect(mails.every((x) => x.toAddress === "removed@invalid")).toBe(true);
    const page = await (
      await (await browser(t.deps, t.app, p.secretariat)).get(`/private/inbox/${id}`)
    ).text();
    expect(page).not.toContain("Ada Researcher");
  });

  it("unconfirmed messages expire after 7 days; old ones are anonymised after the retention period", async () => {
    clock = Date.now();
    const stale = await submitInput(t.deps, visitor, goodInput(), {
      files: [],
      honeypot: "",
      started: startedLongAgo(t.deps),
      client: "z",
    });
    const kept = await makeConfirmedInput(t.deps);
    clock = Date.now() + 8 * DAY;
    expect(await expireUnconfirmedInput(t.deps)).toBe(1);
    expect(await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, stale))).toHaveLength(0);
    expect(await anonymiseOldInput(t.deps)).toBe(0);
    clock = Date.now() + 731 * DAY;
    expect(await anonymiseOldInput(t.deps)).toBe(1);
    const [m] = await t.deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, kept.id));
    expect(m!.senderEmail).toBeNull();
    expect(m!.anonymisedAt).not.toBeNull();
    expect(m!.topic).toBe("Technology");
    clock = Date.now();
  });

  it("agencies that have not acknowledged after N days are reminded once, through the outbox", async () => {
    clock = Date.now();
    const p = await people();
    const { id } = await makeConfirmedInput(t.deps);
    const sec = await browser(t.deps, t.app, p.secretariat);
    await sec.post(`/private/inbox/${id}/forwarding`, { agencies: ["ESA", "JAXA"], reason: "Test" });
    await (await browser(t.deps, t.app, p.jaxaFocal)).post(`/private/inbox/${id}/receipt`, {
      step: "acknowledge",
    });
    expect(await sendInputReminders(t.deps)).toBe(0);
    clock = Date.now() + 15 * DAY;
    expect(await sendInputReminders(t.deps)).toBeGreaterThan(0);
    const reminders = await t.deps.db.select().from(outbox).where(eq(outbox.kind, "inbox.reminder"));
    expect(reminders.map((r) => r.toAddress)).toContain(p.esaFocal.email);
    expect(reminders.map((r) => r.toAddress)).not.toContain(p.jaxaFocal.email);
    expect(await sendInputReminders(t.deps)).toBe(0);
    clock = Date.now();
  });

  it("exports the register as CSV and counts a year's input by topic and kind", async () => {
    clock = Date.now();
    const p = await people();
    const { reference } = await makeConfirmedInput(t.deps, {
      subject: "=HYPERLINK(1)",
      topic: "Roadmap",
      kind: "company",
    });
    await makeConfirmedInput(t.deps, { topic: "Roadmap", kind: "company" });
    const res = await (await browser(t.deps, t.app, p.secretariat)).get("/private/inbox.csv");
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(reference);
    expect(csv).toContain("'=HYPERLINK(1)");
    const counts = await yearlyInputCounts(t.deps.db, new Date(clock).getUTCFullYear());
    expect(counts).toContainEqual({ topic: "Roadmap", kind: "company", count: 2 });
  });

  it("the inbox API is described in the OpenAPI document", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/inbox",
        "/inbox/{reference}",
        "/inbox/counts/{year}",
        "/inbox/{reference}/forwarding",
        "/inbox/{reference}/acknowledgement",
        "/inbox/{reference}/replies",
      ]),
    );
    expect(doc.components.schemas.Input).toBeTruthy();
  });

  it("the secretariat sets the topics the form offers", async () => {
    const p = await people();
    const b = await browser(t.deps, t.app, p.secretariat);
    const res = await b.post("/private/inbox/settings", {
      topics: "Lunar surface\nMars",
      retentionDays: "365",
      reminderDays: "7",
    });
    expect(res.status).toBe(303);
    const form = await (await t.app.request("/contact")).text();
    expect(form).toContain("Lunar surface");
    expect(form).not.toContain('value="Roadmap"');
    expect(
      (await b.post("/private/inbox/settings", { topics: "", retentionDays: "5", reminderDays: "0" })).status,
    ).toBe(422);
  });
});
