import type { Db } from "../../../db/client.js";
import type { AppContext } from "../../../http/env.js";
import { authorize } from "../../../http/guards.js";
import { pageGroup } from "../../../http/routes.js";
import { XLSX_TYPE } from "../../../web/xlsx.js";
import { canDownloadMatrix } from "../endorsement/endorsement.policy.js";
import { loadRound } from "../load.pages.js";
import { listComments, type RoundDetail } from "../rounds/rounds.queries.js";
import { type MatrixRow, matrixCsv, matrixFileName, matrixXlsx } from "./matrix.export.js";

/**
 * The lines of a round's matrix: the comments the agencies submitted (what every member and the
 * editors see), without withdrawn ones, in number order.
 */
export async function matrixRows(db: Db, round: RoundDetail): Promise<MatrixRow[]> {
  const submitted = new Set(round.agencies.filter((a) => a.commentsSubmittedAt).map((a) => a.id));
  const comments = await listComments(db, round.id);
  return comments
    .filter((c) => submitted.has(c.organisationId) && !c.withdrawn)
    .map((c) => ({
      number: c.number,
      agency: c.agencyAcronym,
      section: c.sectionLabel,
      orphaned: c.orphaned,
      category: c.category,
      text: c.text,
      proposedFrom: c.proposedFrom,
      proposedTo: c.proposedTo,
      disposition: c.disposition,
      rationale: c.rationale,
    }));
}

const attachment = (name: string) => `attachment; filename="${name}"`;

/** The round named in the path, for a signed-in member who may download its matrix. */
async function roundForMatrix(c: AppContext) {
  const l = await loadRound(c);
  authorize(canDownloadMatrix(l.actor));
  return l;
}

async function matrixAsCsv(c: AppContext) {
  const { product, round } = await roundForMatrix(c);
  const csv = matrixCsv(await matrixRows(c.var.deps.db, round));
  return c.body(csv, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment(matrixFileName(product.slug, round.number, "csv")),
    "cache-control": "private, no-store",
  });
}

async function matrixAsSpreadsheet(c: AppContext) {
  const { product, round } = await roundForMatrix(c);
  const bytes = matrixXlsx(await matrixRows(c.var.deps.db, round));
  return c.body(bytes.buffer as ArrayBuffer, 200, {
    "content-type": XLSX_TYPE,
    "content-disposition": attachment(matrixFileName(product.slug, round.number, "xlsx")),
    "cache-control": "private, no-store",
  });
}

/** A round's comment resolution matrix as CSV and as a spreadsheet, for signed-in members. */
export const matrixPages = pageGroup([
  ["GET", "/private/products/:slug/rounds/:round/matrix.csv", matrixAsCsv],
  ["GET", "/private/products/:slug/rounds/:round/matrix.xlsx", matrixAsSpreadsheet],
]);
