import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { authorize, idParam } from "../../../http/guards.js";
import { pageGroup } from "../../../http/routes.js";
import { serveStoredFile } from "../../publications/publications.download.export.js";
import { loadRound, roundPath } from "../load.pages.js";
import { canSeePosition } from "../products.policy.js";
import { findPosition } from "../products.queries.js";

/** Where the evidence file of a position recorded on an agency's behalf is downloaded. */
export const evidencePath = (slug: string, round: number, positionId: number) =>
  roundPath(slug, round, `/positions/${positionId}/evidence`);

/** Always a download, never shown inline: the file is whatever the agency sent. */
async function downloadEvidence(c: AppContext) {
  const { actor, product, round } = await loadRound(c);
  const row = await findPosition(c.var.deps.db, round.id, idParam(c.req.param("position")));
  if (!row?.evidenceFileSha256 || !row.evidenceFileName) throw notFound("The evidence file");
  authorize(
    canSeePosition(actor, product, round, row.organisationId),
    "This position is hidden from your agency until the round closes.",
  );
  const pdf = row.evidenceFileName.toLowerCase().endsWith(".pdf");
  return serveStoredFile(
    c,
    {
      sha256: row.evidenceFileSha256,
      name: row.evidenceFileName,
      type: pdf ? "application/pdf" : "application/octet-stream",
    },
    { disposition: "attachment", cacheControl: "private, no-cache" },
  );
}

/**
 * The evidence file of a position recorded on an agency's behalf: for whoever may see that position
 * (its agency, the editors, everyone signed in once the round closes or when positions are open).
 */
export const evidencePages = pageGroup([
  ["GET", "/private/products/:slug/rounds/:round/positions/:position/evidence", downloadEvidence],
]);
