import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailSuppressions, outbox } from "../../src/db/schema/index.js";
import { deliverDueMail } from "../../src/features/mail/mail.delivery.jobs.js";
import { enqueueMail } from "../../src/features/mail/mail.outbox.service.js";
import type { MailTransport } from "../../src/features/mail/mail.transport.jobs.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const t = useTestDatabase({ now: () => NOW });

/** A transport whose server answers like a real one refusing a mailbox (nodemailer sets responseCode). */
const refusing = (code: number): MailTransport => ({
  kind: "smtp",
  send: async () => {
    throw Object.assign(new Error(`${code} 5.1.1 <x>: Recipient address rejected: User unknown`), {
      responseCode: code,
    });
  },
  close: () => {},
});

describe("a permanent delivery failure stops mail to the address", { timeout: 60_000 }, () => {
  it("a 5xx answer fails the message at once, no more mail is queued to the address, and the secretariat sees why", async () => {
    const person = await makePerson(t.deps, ["member"], "ESA");
    await enqueueMail(t.deps.db, { kind: "test", to: person.email, subject: "One", text: "x" }, NOW);
    const report = await deliverDueMail(t.deps, refusing(550), NOW);
    expect(report).toMatchObject({ failed: 1, retrying: 0 });
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, person.email));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    const queued = await enqueueMail(
      t.deps.db,
      [
        { kind: "test", to: person.email.toUpperCase(), subject: "Two", text: "x" },
        { kind: "test", to: "someone-else@example.org", subject: "Two", text: "x" },
      ],
      NOW,
    );
    expect(queued).toBe(1);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const page = await (await sec.get(`/private/people/${person.id}/edit`)).text();
    expect(page).toContain("No mail is sent to this address");
    expect(page).toContain("User unknown");
    // A refused save shows the form again with the same notice, not a form that forgot it.
    const refused = await sec.post(`/private/people/${person.id}/edit`, { name: "", email: person.email });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("No mail is sent to this address");
  });

  it("a temporary (4xx) failure is retried as before, and the address stays open", async () => {
    const person = await makePerson(t.deps, ["member"], "ESA");
    await enqueueMail(t.deps.db, { kind: "test", to: person.email, subject: "One", text: "x" }, NOW);
    const report = await deliverDueMail(t.deps, refusing(451), NOW);
    expect(report).toMatchObject({ failed: 0, retrying: 1 });
    expect(await t.deps.db.select().from(mailSuppressions)).toHaveLength(0);
  });
});
