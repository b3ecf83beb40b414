import type { Feature } from "../../http/feature.js";
import { carriedPages } from "./carried/carried.pages.js";
import { commentPages } from "./comments/comments.pages.js";
import { dispositionAndPositionPages } from "./comments/dispositions.pages.js";
import { consensusRecordPages } from "./consensus-record/consensus-record.pages.js";
import { editorialPages } from "./editorial/editorial.pages.js";
import { registerEndorsementApi } from "./endorsement/endorsement.api.js";
import { endorsementPages } from "./endorsement/endorsement.pages.js";
import { historyPages } from "./history/history.pages.js";
import { matrixPages } from "./matrix/matrix.pages.js";
import { evidencePages } from "./positions/evidence.pages.js";
import { registerProductsApi } from "./products.api.js";
import { productPages } from "./products.pages.js";
import { roundChangePages } from "./round-changes/round-changes.pages.js";
import { roundPages } from "./rounds/rounds.pages.js";
import { versionPages } from "./versions/versions.pages.js";

/** Products under consensus: versions, review rounds, comments, dispositions, positions and endorsement. */
export const products: Feature = {
  // The fixed sub-paths of a product (endorsement, editorial, record …) before the product by slug.
  pages: [
    endorsementPages,
    editorialPages,
    consensusRecordPages,
    carriedPages,
    evidencePages,
    historyPages,
    matrixPages,
    productPages,
    versionPages,
    roundPages,
    commentPages,
    dispositionAndPositionPages,
    roundChangePages,
  ],
  api: [registerProductsApi, registerEndorsementApi],
};
