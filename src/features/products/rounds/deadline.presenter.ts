import { instantToZoned } from "../../../domain/time-zones.js";
import { formatTimestamp } from "../../../web/format.js";

/**
 * A deadline in the time zone it was set in, and in UTC: "2027-03-01 17:00 Europe/Paris
 * (2027-03-01 16:00 UTC)"; just the UTC time when it was set in UTC.
 */
export function formatDeadline(d: Date, timeZone: string): string {
  if (timeZone === "UTC") return formatTimestamp(d);
  return `${instantToZoned(d, timeZone).replace("T", " ")} ${timeZone} (${formatTimestamp(d)})`;
}
