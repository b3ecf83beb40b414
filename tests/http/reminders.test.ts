import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionItems,
  meetingRegistrations,
  meetings,
  outbox,
  reminderLog,
} from "../../src/db/schema/index.js";
import { instantToZoned } from "../../src/domain/time-zones.js";
import { deliverDueMail } from "../../src/features/mail/mail.delivery.jobs.js";
import { smtpTransport } from "../../src/features/mail/mail.transport.jobs.js";
import { sendDueReminders } from "../../src/features/reminders/reminders.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { parseMail, startSmtp } from "../support/smtp.js";

// The real clock: meetings get their creation time from the database.
const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.stop());
const DAY = 86_400_000;
const local = (days: number) => instantToZoned(new Date(Date.now() + days * DAY), "UTC");

async function plan(title: string, days: number, over: Record<string, string> = {}) {
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const res = await sec.post("/private/meetings/new", {
    title,
    kind: "sam_meeting",
    start: local(days),
    end: local(days + 1),
    timeZone: "UTC",
    mode: "virtual",
    ...over,
  });
  expect(res.status, await res.clone().text()).toBe(303);
  const [m] = await t.deps.db.select().from(meetings).where(eq(meetings.title, title));
  return m!;
}

const mailsTo = async (email: string, kind: string) =>
  t.deps.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)));

const today = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe("reminders by e-mail", () => {
  it("registration open goes to the forum for a forum-wide meeting, once however often the clock runs", async () => {
    const member = await makePerson(t.deps, ["member"], "JAXA");
    await plan("Forum SAM", 30);
    expect(await sendDueReminders(t.deps)).toBeGreaterThan(0);
    const mails = await mailsTo(member.email, "reminder.registration");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Registration open: Forum SAM");
    expect(mails[0]!.textBody).toContain("/meetings/");
    expect(await sendDueReminders(t.deps)).toBe(0);
    expect(await mailsTo(member.email, "reminder.registration")).toHaveLength(1);
  });

  it("a group meeting's registration mail goes to that group's agencies only", async () => {
    const cnes = await makePerson(t.deps, ["member"], "CNES");
    const jaxa = await makePerson(t.deps, ["member"], "JAXA");
    await plan("SWG meeting", 20, { kind: "group_meeting", group: "swg" });
    await sendDueReminders(t.deps);
    expect(await mailsTo(cnes.email, "reminder.registration")).toHaveLength(1);
    expect(await mailsTo(jaxa.email, "reminder.registration")).toHaveLength(0);
  });

  it("a meeting next week reminds the people registered for it", async () => {
    const registered = await makePerson(t.deps, ["member"], "ESA");
    const other = await makePerson(t.deps, ["member"], "ESA");
    const m = await plan("Next week's workshop", 5);
    await t.deps.db
      .insert(meetingRegistrations)
      .values({ meetingId: m.id, personId: registered.id, attendance: "virtual" });
    await sendDueReminders(t.deps);
    expect(await mailsTo(registered.email, "reminder.meeting")).toHaveLength(1);
    expect(await mailsTo(other.email, "reminder.meeting")).toHaveLength(0);
    await sendDueReminders(t.deps);
    expect(await mailsTo(registered.email, "reminder.meeting")).toHaveLength(1);
  });

  it("actions due in three days and overdue actions remind the owning agency's focal points, once per due date", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const plain = await makePerson(t.deps, ["member"], "ESA");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    for (const [title, due] of [
      ["Due soon", today(2)],
      ["Already late", today(-1)],
      ["Far off", today(20)],
    ] as const) {
      expect((await sec.post("/private/actions/new", { title, ownerAgency: "ESA", due })).status).toBe(303);
    }
    await sendDueReminders(t.deps);
    const due = await mailsTo(fp.email, "reminder.action-due");
    expect(due.map((m) => m.subject)).toEqual([expect.stringMatching(/^Action A-\d+ due on /)]);
    const late = await mailsTo(fp.email, "reminder.action-overdue");
    expect(late.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Overdue action A-\d+: Already late$/),
    ]);
    expect(await mailsTo(plain.email, "reminder.action-due")).toHaveLength(0);
    expect(await sendDueReminders(t.deps)).toBe(0);
    // A new due date is a new reminder.
    await t.deps.db
      .update(actionItems)
      .set({ dueOn: today(1) })
      .where(eq(actionItems.title, "Due soon"));
    await sendDueReminders(t.deps);
    expect(await mailsTo(fp.email, "reminder.action-due")).toHaveLength(2);
  });

  it("an action owned by a person reminds that person; a closed action reminds nobody", async () => {
    const owner = await makePerson(t.deps, ["member"], "NASA");
    const fp = await makePerson(t.deps, ["member", "focal_point"], "NASA");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/actions/new", { title: "Mine", ownerPerson: String(owner.id), due: today(1) });
    await sec.post("/private/actions/new", { title: "Done already", ownerAgency: "NASA", due: today(-3) });
    await t.deps.db
      .update(actionItems)
      .set({ status: "closed" })
      .where(eq(actionItems.title, "Done already"));
    await sendDueReminders(t.deps);
    expect(await mailsTo(owner.email, "reminder.action-due")).toHaveLength(1);
    expect(await mailsTo(fp.email, "reminder.action-due")).toHaveLength(0);
    expect(await mailsTo(fp.email, "reminder.action-overdue")).toHaveLength(0);
  });

  it("a reminder another instance already claimed is not sent again", async () => {
    const member = await makePerson(t.deps, ["member"], "JAXA");
    const m = await plan("Claimed elsewhere", 30);
    await t.deps.db
      .insert(reminderLog)
      .values({ key: `registration-open:${m.id}`, kind: "registration-open", recipients: 1 });
    await sendDueReminders(t.deps);
    expect(await mailsTo(member.email, "reminder.registration")).toHaveLength(0);
    expect(
      await t.deps.db.select().from(reminderLog).where(like(reminderLog.key, "registration-open:%")),
    ).toHaveLength(1);
  });

  it("a reminder reaches the SMTP server once, however often the clock and the mail worker run", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "CSA");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/actions/new", { title: "Send the figures", ownerAgency: "CSA", due: today(3) });
    for (let i = 0; i < 2; i++) {
      await sendDueReminders(t.deps);
      const transport = smtpTransport(t.deps.config, smtp.url);
      try {
        await deliverDueMail(t.deps, transport, new Date());
      } finally {
        transport.close();
      }
    }
    const received = smtp.received.filter((m) => m.to.includes(fp.email)).map((m) => parseMail(m.raw));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.subject).toMatch(/^Action A-\d+ due on /);
    expect(received[0]!.text).toContain("Send the figures");
  });
});
