import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox } from "../../src/db/schema/index.js";
import { enqueueMail } from "../../src/features/mail/mail.outbox.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const t = useTestDatabase({ now: () => NOW });

describe("mail a person wants", { timeout: 60_000 }, () => {
  it("everything by default; a person turns reminders off on their account page and gets no more of them", async () => {
    const person = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, person);
    const page = await (await b.get("/private/account")).text();
    expect(page).toContain('name="receive" value="reminders" checked=""');
    const res = await b.post("/private/account/mail", { receive: ["review"] });
    expect(res.status).toBe(303);
    expect(await (await b.get("/private/account")).text()).not.toContain('value="reminders" checked=""');
    const queued = await enqueueMail(
      t.deps.db,
      [
        { kind: "reminder.meeting", to: person.email, subject: "Next week", text: "x" },
        { kind: "review_round", to: person.email, subject: "Review open", text: "x" },
        { kind: "invitation", to: person.email, subject: "Welcome", text: "x" },
      ],
      NOW,
    );
    expect(queued).toBe(2);
    const subjects = (await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, person.email))).map(
      (m) => m.subject,
    );
    expect(subjects.sort()).toEqual(["Review open", "Welcome"]);
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "person.mail"))).length).toBe(
      1,
    );
  });

  it("refuses an unknown kind of mail, and a visitor is sent to sign in", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect((await b.post("/private/account/mail", { receive: "everything" })).status).toBe(422);
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.post("/private/account/mail", { receive: "review" })).status).toBe(303);
  });
});
