import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, organisations, reminderLog } from "../../src/db/schema/index.js";
import { isoWeek, sendWeeklyDigests } from "../../src/features/home/digest.service.js";
import { deliverDueMail } from "../../src/features/mail/mail.delivery.jobs.js";
import { smtpTransport } from "../../src/features/mail/mail.transport.jobs.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { parseMail, startSmtp } from "../support/smtp.js";

let clock = new Date("2031-03-04T09:00:00Z"); // a Tuesday
const t = useTestDatabase({ now: () => clock });
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.stop());

/** Runs the digest job and the mail worker, as the scheduler does. */
async function runJobs() {
  await sendWeeklyDigests(t.deps);
  const transport = smtpTransport(t.deps.config, smtp.url);
  try {
    await deliverDueMail(t.deps, transport, clock);
  } finally {
    transport.close();
  }
}

/** An ESA action due soon: something waiting on every ESA member. */
async function esaAction() {
  const [esa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  await t.deps.db.insert(actionItems).values({
    number: 601,
    title: "Send the ESA launch list",
    ownerOrganisationId: esa!.id,
    dueOn: "2031-03-20",
  });
}

const mailsTo = (email: string) =>
  smtp.received.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw));

describe("the weekly digest", { timeout: 60_000 }, () => {
  it("names ISO weeks", () => {
    expect(isoWeek(new Date("2031-03-04T09:00:00Z"))).toBe("2031-W10");
    expect(isoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
  });

  it("mails what is waiting once a week, however often the job runs; again the next week", async () => {
    await esaAction();
    const member = await makePerson(t.deps, ["member"], "ESA");
    await runJobs();
    await runJobs();
    let mails = mailsTo(member.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.headers.subject).toBe("Waiting on you: 1 item (week 2031-W10)");
    expect(mails[0]!.text).toContain("Action 601: Send the ESA launch list");
    expect(mails[0]!.text).toContain("/private/actions/601");
    // A restart loses nothing and repeats nothing: the week's key is in the database.
    expect(
      await t.deps.db.select().from(reminderLog).where(like(reminderLog.key, "digest:2031-W10:%")),
    ).not.toHaveLength(0);
    clock = new Date("2031-03-10T09:00:00Z");
    await runJobs();
    mails = mailsTo(member.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.headers.subject).toContain("week 2031-W11");
    clock = new Date("2031-03-04T09:00:00Z");
  });

  it("nobody gets an empty digest, and a person who turns it off gets none", async () => {
    await esaAction();
    const idle = await makePerson(t.deps, ["member"], "CSA");
    const off = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, off);
    expect((await b.post("/private/account/mail", { receive: ["review", "reminders"] })).status).toBe(303);
    await runJobs();
    expect(mailsTo(idle.email)).toHaveLength(0);
    expect(mailsTo(off.email)).toHaveLength(0);
  });
});
