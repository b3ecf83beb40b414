import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, inboxAttachments, inboxMessages, outbox, storedFiles } from "../../src/db/schema/index.js";
import { statusToken } from "../../src/features/inbox/inbox.tokens.service.js";
import { browser } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { goodInput, mailedConfirmToken, postContact, startedLongAgo } from "../support/inbox.js";
import { makePdf } from "../support/pdf.js";

const t = useTestDatabase();

const messageCount = async () => (await t.deps.db.select().from(inboxMessages)).length;

async function send(fields: Record<string, string>, files: Parameters<typeof postContact>[3] = []) {
  const b = await browser(t.deps, t.app);
  return postContact(t.app, b, { started: startedLongAgo(t.deps), website: "", ...fields }, files);
}

describe("the public contact form", () => {
  it("is a form with labelled fields, linked from the footer, and works without JavaScript", async () => {
    const res = await t.app.request("/contact");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of [
      "Your name",
      "Your e-mail address",
      "Organisation",
      "You write as",
      "Country",
      "Topic",
      "Subject",
      "Your message",
      "PDF files",
    ])
      expect(html).toContain(label);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain("Roadmap");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const home = await (await t.app.request("/")).text();
    expect(home).toContain('href="/contact"');
  });

  it("stores a good message unconfirmed and mails the sender a confirmation link", async () => {
    const pdf = await makePdf(["Our results"]);
    const res = await send(goodInput(), [{ name: "results.pdf", bytes: pdf }]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/contact?done=sent");
    const [m] = await t.deps.db.select().from(inboxMessages);
    expect(m).toMatchObject({
      status: "unconfirmed",
      reference: null,
      topic: "Technology",
      senderKind: "university",
    });
    const files = await t.deps.db
      .select()
      .from(inboxAttachments)
      .where(eq(inboxAttachments.messageId, m!.id));
    expect(files).toHaveLength(1);
    const [mail] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `inbox-confirm:${m!.id}`));
    expect(mail?.toAddress).toBe("ada.researcher@example.edu");
    expect(mail?.textBody).toMatch(/\/contact\/confirm\?token=/);
  });

  it("confirming gives a reference IN-YYYY-NNNN, mails the acknowledgement with a private status link", async () => {
    await send(goodInput());
    const [m] = await t.deps.db.select().from(inboxMessages);
    const token = await mailedConfirmToken(t.deps, m!.id);
    const b = await browser(t.deps, t.app);
    expect((await b.get(`/contact/confirm?token=${token}`)).status).toBe(200);
    const res = await b.post("/contact/confirm", { token });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/contact\/status\?token=/);
    const [after] = await t.deps.db.select().from(inboxMessages);
    expect(after!.status).toBe("new");
    expect(after!.reference).toMatch(new RegExp(`^IN-${new Date().getUTCFullYear()}-\\d{4}$`));
    const [ack] = await t.deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.dedupeKey, `inbox-ack:${m!.id}`));
    expect(ack?.subject).toContain(after!.reference!);
    expect(ack?.textBody).toContain(
      `/contact/status?token=${statusToken(t.deps.config.sessionSecret, m!.id)}`,
    );
    const status = await (await b.get(res.headers.get("location")!)).text();
    expect(status).toContain(after!.reference!);
    expect(status).toContain("Received by the secretariat");
    // A second confirmation changes nothing.
    expect((await b.post("/contact/confirm", { token })).status).toBe(303);
  });

  it("a forged or unknown status link finds nothing", async () => {
    const forged = `1.${"A".repeat(43)}`;
    expect((await t.app.request(`/contact/status?token=${forged}`)).status).toBe(404);
    expect((await t.app.request("/contact/confirm?token=nope")).status).toBe(404);
  });
});

describe("bad input to the contact form is refused with a message and stores nothing", () => {
  it("script in the fields is kept as text and shown escaped", async () => {
    const script = "<script>alert(1)</script>";
    const res = await send(goodInput({ name: script, subject: script, email: "not-an-address" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain(script);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Enter a valid e-mail address");
    expect(await messageCount()).toBe(0);
  });

  it("a file that only says it is a PDF is refused", async () => {
    const res = await send(goodInput(), [
      { name: "report.pdf", bytes: new TextEncoder().encode("MZ not a pdf") },
    ]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("is not a PDF");
    expect(await messageCount()).toBe(0);
    expect(await t.deps.db.select().from(storedFiles).where(eq(storedFiles.size, 12))).toHaveLength(0);
  });

  it("a PDF over 10 MB is refused", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const res = await send(goodInput(), [{ name: "huge.pdf", bytes: big }]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("each PDF can be at most 10 MB");
    expect(await messageCount()).toBe(0);
  });

  it("a body over the form's limit is refused before it is read", async () => {
    const res = await t.app.request("/contact", {
      method: "POST",
      headers: {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(30 * 1024 * 1024),
      },
      body: new Uint8Array(30 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await messageCount()).toBe(0);
  });

  it("the honeypot and a form sent too fast are refused", async () => {
    const trapped = await send({ ...goodInput(), website: "http://spam.example" });
    expect(trapped.status).toBe(422);
    const b = await browser(t.deps, t.app);
    const { startedToken } = await import("../../src/features/inbox/inbox.tokens.service.js");
    const fast = await postContact(t.app, b, {
      ...goodInput(),
      website: "",
      started: startedToken(t.deps.config.sessionSecret, t.deps.now()),
    });
    expect(fast.status).toBe(422);
    expect(await fast.text()).toContain("quicker than a person types");
    const forged = await postContact(t.app, b, { ...goodInput(), website: "", started: "1.abc" });
    expect(forged.status).toBe(422);
    expect(await messageCount()).toBe(0);
  });

  it("a flood from one address is refused with a clear message, and the refused ones are not stored", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await send(goodInput({ email: `flood${i}@example.org` }));
      expect(res.status).toBe(303);
    }
    const refused = await send(goodInput({ email: "flood-last@example.org" }));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many messages from this address");
    expect(await messageCount()).toBe(20);
  });

  it("one e-mail address may send only a few messages in a row", async () => {
    for (let i = 0; i < 5; i++) expect((await send(goodInput())).status).toBe(303);
    expect((await send(goodInput())).status).toBe(429);
    expect(await messageCount()).toBe(5);
  });

  it("a topic the secretariat does not offer, or no consent, is refused", async () => {
    const res = await send(goodInput({ topic: "Bitcoin", consent: "" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Agree that the forum passes");
    expect(await messageCount()).toBe(0);
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "inbox.submit"))).toHaveLength(
      0,
    );
  });
});
