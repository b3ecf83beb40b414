import type { Db } from "../../db/client.js";
import { toCsv } from "../../domain/csv.js";
import { type InboxFilters, listInput } from "./inbox.queries.js";
import { senderKindLabels, statusLabels } from "./inbox.schemas.js";

/** The register as CSV (secretariat only): every confirmed message matching the filters, newest first. */
export async function inboxCsv(db: Db, f: InboxFilters): Promise<string> {
  const { rows } = await listInput(db, f, 1, 100_000);
  return toCsv(
    ["reference", "received", "status", "topic", "kind", "subject", "sender", "organisation", "tags"],
    rows.map((r) => [
      r.reference,
      r.confirmedAt?.toISOString() ?? "",
      statusLabels[r.status],
      r.topic,
      senderKindLabels[r.senderKind],
      r.subject,
      r.senderName ?? "",
      r.organisation ?? "",
      r.tags.join(", "),
    ]),
  );
}
