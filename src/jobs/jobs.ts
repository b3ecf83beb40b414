import type { Deps } from "../deps.js";
import { sendWeeklyDigests } from "../features/home/digest.service.js";
import {
  anonymiseOldInput,
  expireUnconfirmedInput,
  sendInputReminders,
} from "../features/inbox/inbox.jobs.js";
import { deliverDueMail } from "../features/mail/mail.delivery.jobs.js";
import { transportFor } from "../features/mail/mail.transport.jobs.js";
import { meetingEndedBetween } from "../features/meetings/meetings.clock.jobs.js";
import { publishDueArticles } from "../features/news/news.publishing.service.js";
import { closeDueRounds } from "../features/products/rounds/rounds.service.js";
import { sendDueReminders } from "../features/reminders/reminders.service.js";
import { deleteExpiredSessions } from "../http/sessions.js";
import type { Job } from "./scheduler.js";

/** Every clock of the platform, in one place: what runs, how often, and where. */
export function platformJobs(deps: Deps): Job[] {
  const transport = transportFor(deps.config);
  let meetingsCheckedUntil = deps.now();
  return [
    {
      // Scheduled news goes live at its time even when nobody visits.
      name: "publish scheduled news",
      everyMs: 15_000,
      run: async () => ({ published: await publishDueArticles(deps) }),
    },
    {
      // Queued mail goes out over SMTP_URL (or into DATA_DIR/outbox as .eml files), with retries.
      name: "deliver mail",
      everyMs: 2_000,
      run: async () => await deliverDueMail(deps, transport),
      stop: () => transport.close(),
    },
    {
      // Review rounds close at their deadline even when nobody visits.
      name: "close due review rounds",
      everyMs: 30_000,
      run: async () => ({ closed: await closeDueRounds(deps) }),
    },
    {
      // Registration open, meeting next week, actions due: each reminder goes out once.
      name: "send reminders",
      everyMs: 60_000,
      run: async () => ({ mails: await sendDueReminders(deps) }),
    },
    {
      // What is waiting on each person, mailed once per ISO week to those who keep the digest on.
      name: "send weekly digests",
      everyMs: 3_600_000,
      run: async () => ({ mails: await sendWeeklyDigests(deps) }),
    },
    {
      // Public input: unconfirmed messages go after 7 days, old ones are anonymised, silent agencies reminded.
      name: "public input upkeep",
      everyMs: 300_000,
      run: async () => ({
        expired: await expireUnconfirmedInput(deps),
        anonymised: await anonymiseOldInput(deps),
        reminders: await sendInputReminders(deps),
      }),
    },
    {
      name: "delete expired sessions",
      everyMs: 3_600_000,
      run: async () => {
        await deleteExpiredSessions(deps.db, deps.now());
        return undefined;
      },
    },
    {
      // A meeting that ends moves from "upcoming" to "past": each instance drops its cached lists then.
      name: "notice meetings ending",
      everyMs: 60_000,
      everyInstance: true,
      run: async () => {
        const now = deps.now();
        if (await meetingEndedBetween(deps, meetingsCheckedUntil, now)) deps.cache.invalidateLocally();
        meetingsCheckedUntil = now;
        return undefined;
      },
    },
  ];
}
