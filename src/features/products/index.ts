import type { Feature } from "../../http/feature.js";
import { carriedPages } from "./carried.pages.js";
import { reviewPages } from "./comments.pages.js";
import { consensusRecordPages } from "./consensus-record.pages.js";
import { editorialPages } from "./editorial.pages.js";
import { registerEndorsementApi } from "./endorsement.api.js";
import { endorsementPages } from "./endorsement.pages.js";
import { evidencePages } from "./evidence.pages.js";
import { historyPages } from "./history.pages.js";
import { matrixPages } from "./matrix.pages.js";
import { registerProductsApi } from "./products.api.js";
import { productPages } from "./products.pages.js";
import { roundPages } from "./rounds.pages.js";
import { versionPages } from "./versions.pages.js";

/** Products under consensus: versions, review rounds, comments, dispositions and endorsement. */
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
    reviewPages,
  ],
  api: [registerProductsApi, registerEndorsementApi],
};
