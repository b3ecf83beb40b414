import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { Hono } from "hono";
import type { Db } from "../../db/client.js";
import {
  organisations,
  productVersions,
  reviewComments,
  reviewRoundAgencies,
  reviewRounds,
} from "../../db/schema/index.js";
import { type Carried, type CarriedStatus, carryComment } from "../../domain/carried-comments.js";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { idParam } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, PageHeader, Tag } from "../../web/components.js";
import { plural } from "../../web/words.js";
import { loadProduct, productPath, roundPath } from "./products.load.js";
import { findVersion, type ProductDetail } from "./products.queries.js";

const statusWords: Record<CarriedStatus, string> = {
  unchanged: "Unchanged",
  moved: "Moved",
  text_changed: "Text changed",
  orphaned: "Orphaned: its section is gone",
};

/** Open, submitted comments of earlier rounds now attached to this version, with the version they were written on. */
function carriedComments(db: Db, productId: number, versionId: number) {
  return db
    .select({
      number: reviewComments.number,
      round: reviewRounds.number,
      agency: organisations.acronym,
      text: reviewComments.text,
      sectionAnchor: reviewComments.sectionAnchor,
      sectionLabel: reviewComments.sectionLabel,
      orphaned: reviewComments.orphaned,
      writtenOn: productVersions.body,
      writtenOnNumber: productVersions.number,
    })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .innerJoin(productVersions, eq(productVersions.id, reviewRounds.versionId))
    .innerJoin(organisations, eq(organisations.id, reviewComments.organisationId))
    .innerJoin(
      reviewRoundAgencies,
      and(
        eq(reviewRoundAgencies.roundId, reviewComments.roundId),
        eq(reviewRoundAgencies.organisationId, reviewComments.organisationId),
      ),
    )
    .where(
      and(
        eq(reviewRounds.productId, productId),
        eq(reviewComments.versionId, versionId),
        ne(reviewRounds.versionId, versionId),
        isNull(reviewComments.disposition),
        eq(reviewComments.withdrawn, false),
        // Unsubmitted drafts stay inside their agency.
        isNotNull(reviewRoundAgencies.commentsSubmittedAt),
      ),
    )
    .orderBy(reviewRounds.number, reviewComments.number);
}

const Side = ({ label, s }: { label: string; s: Carried["before"] }) => (
  <div>
    <h4>{label}</h4>
    {s ? (
      <>
        <p class="small muted">
          {s.number} {s.title}
        </p>
        <pre class="diff-text">{s.text || "(no text)"}</pre>
      </>
    ) : (
      <p class="muted">Not in this version.</p>
    )}
  </div>
);

/** Comments that travel across versions, never silently: each one's section, old and new, side by side. */
export function carriedPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/products/:slug/versions/:number/carried", async (c) => {
    const { product } = await loadProduct(c);
    const v = await findVersion(c.var.deps.db, product.id, idParam(c.req.param("number")));
    if (!v) throw notFound("The version");
    const rows = await carriedComments(c.var.deps.db, product.id, v.id);
    const items = rows.map((r) => ({ ...r, carried: carryComment(r.writtenOn, v.body, r) }));
    return renderPrivate(c, {
      title: `Open comments carried to version ${v.number}: ${product.title}`,
      body: () => <CarriedView product={product} version={v.number} items={items} />,
    });
  });
  return app;
}

function CarriedView(p: {
  product: ProductDetail;
  version: number;
  items: Array<{
    number: number;
    round: number;
    agency: string;
    text: string;
    writtenOnNumber: number;
    carried: Carried;
  }>;
}) {
  return (
    <>
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <a href="/private/products">Products</a> › <a href={productPath(p.product.slug)}>{p.product.title}</a>
      </nav>
      <PageHeader
        eyebrow={`Version ${p.version}`}
        title="Open comments carried from earlier versions"
        lead={`${plural(p.items.length, "open comment")}: each with its section as it was written on and as it is now.`}
      />
      {p.items.length === 0 ? (
        <EmptyState title="No open comment was carried to this version." />
      ) : (
        p.items.map((i) => (
          <article class="comment" id={`carried-${i.round}-${i.number}`}>
            <h3>
              <a href={roundPath(p.product.slug, i.round, `#comment-${i.number}`)}>
                Comment {i.number} of round {i.round}
              </a>{" "}
              ({i.agency}){" "}
              <Tag
                tone={
                  i.carried.status === "unchanged"
                    ? "muted"
                    : i.carried.status === "orphaned"
                      ? "warn"
                      : "accent"
                }
              >
                {statusWords[i.carried.status]}
              </Tag>
            </h3>
            <p class="comment-text">{i.text}</p>
            <div class="cards">
              <Side label={`Version ${i.writtenOnNumber} (commented)`} s={i.carried.before} />
              <Side label={`Version ${p.version}`} s={i.carried.after} />
            </div>
          </article>
        ))
      )}
    </>
  );
}
