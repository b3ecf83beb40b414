import type { Deps } from "../../deps.js";
import { sendDueReminders } from "./reminders.service.js";

/**
 * Checks every minute for reminders that are due (registration open, meeting next week, actions
 * due or overdue). Every instance runs it; the reminder log's unique key makes each go out once.
 */
export function startReminderClock(deps: Deps, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(deps)
      .then((n) => {
        if (n > 0) deps.log.info("reminders queued", { mails: n });
      })
      .catch((e) => deps.log.warn("reminder clock failed", { error: String(e) }))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
