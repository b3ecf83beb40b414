// Fills a running platform's database for the signed-in benchmark: one product under review (the shipped
// dataset has none) and, at a scale above 1, the 100× sizes scaled by `scale / 100`. Rows are
// written by PostgreSQL itself (INSERT … SELECT over generate_series), most as copies of the shipped
// rows with new slugs, so foreign keys, statuses and dates stay those of real rows.
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/db/client.js";

/** The sizes at 100× the shipped dataset. */
const at100 = {
  agencies: 300,
  missions: 20_000,
  actions: 10_000,
  products: 1_000,
  comments: 50_000,
  meetings: 2_000,
};

/** What was generated, and how long it took. */
export type Generated = { counts: Record<string, number>; ms: number };

/** Where the database is: the server's data directory (reached through its socket) or a PostgreSQL URL. */
export type Target = { dataDir: string } | { databaseUrl: string };

/**
 * Brings each table up to its size at `scale` (1: the shipped dataset plus one product under review).
 * The platform must be running on `target`; on the embedded database the writes go through its socket.
 */
export async function generatePrivate(target: Target, scale: number): Promise<Generated> {
  const started = performance.now();
  const database = await openDatabase(
    "dataDir" in target
      ? { dataDir: target.dataDir, command: "bench", joinOwner: true }
      : { databaseUrl: target.databaseUrl },
  );
  const run = async (text: string) => {
    await database.db.execute(sql.raw(text));
  };
  const count = async (table: string) => {
    const rows = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    return Number((rows as unknown as { rows: Array<{ n: number }> }).rows?.[0]?.n ?? 0);
  };
  const want = (n: number) => Math.max(0, Math.round((n * scale) / 100));
  try {
    // Copies of the shipped rows beyond what is there, each with a new slug (and acronym, name).
    const more = async (table: string, size: number, overrides: Record<string, string>) => {
      const missing = size - (await count(table));
      if (missing <= 0) return;
      const columns = await columnsOf(database.db, table);
      const list = columns.filter((c) => c !== "id");
      const values = list.map((c) => overrides[c] ?? `s.${c}`);
      await run(
        `insert into ${table} (${list.join(", ")})
         select ${values.join(", ")}
         from generate_series(1, ${missing}) g
         join (select *, row_number() over (order by id) - 1 as rn, count(*) over () as cnt from ${table}) s
           on s.rn = g % s.cnt`,
      );
    };
    if (scale > 1) {
      await more("organisations", want(at100.agencies), {
        acronym: `'B' || g || s.acronym`,
        slug: `'bench-' || g || '-' || s.slug`,
        name: `s.name || ' (bench ' || g || ')'`,
      });
      await more("missions", want(at100.missions), {
        slug: `'bench-' || g || '-' || s.slug`,
        name: `s.name || ' ' || g`,
      });
      await more("meetings", want(at100.meetings), {
        slug: `'bench-' || g || '-' || s.slug`,
        title: `s.title || ' ' || g`,
      });
      const actions = want(at100.actions) - (await count("action_items"));
      if (actions > 0) {
        await run(
          `insert into action_items (number, title, description, owner_organisation_id, due_on, status)
           select coalesce((select max(number) from action_items), 0) + g,
                  'Bench action ' || g, 'Prepare the input for the next meeting.',
                  (select id from organisations order by id offset g % (select count(*) from organisations) limit 1),
                  date '2020-01-01' + (g % 3000),
                  (array['open', 'in_progress', 'closed', 'dropped'])[1 + g % 4]
           from generate_series(1, ${actions}) g`,
        );
      }
    }
    // Products, each with one version and one open round: at least one, for "a round".
    const products = (scale > 1 ? want(at100.products) : 1) - (await count("products"));
    if (products > 0) {
      await run(
        `insert into products (slug, kind, title, status)
         select 'bench-product-' || g, 'global_exploration_roadmap', 'Bench product ' || g, 'drafting'
         from generate_series(1, ${products}) g`,
      );
      await run(
        `insert into product_versions (product_id, number, body)
         select p.id, 1, E'# Introduction\\n\\nThe product under review.\\n\\n# Findings\\n\\nWhat the agencies found.'
         from products p where not exists (select 1 from product_versions v where v.product_id = p.id)`,
      );
      await run(
        `insert into review_rounds (product_id, version_id, number, deadline)
         select v.product_id, v.id, 1, now() + interval '30 days'
         from product_versions v where not exists (select 1 from review_rounds r where r.product_id = v.product_id)`,
      );
      await run(
        `insert into review_round_agencies (round_id, organisation_id)
         select r.id, o.id from review_rounds r cross join (select id from organisations order by id limit 10) o
         on conflict do nothing`,
      );
    }
    const comments = want(at100.comments) - (await count("review_comments"));
    if (scale > 1 && comments > 0) {
      // Spread over the rounds in order, so each round gets about the same number.
      await run(
        `insert into review_comments (round_id, number, organisation_id, version_id, section_anchor,
                                      section_label, category, text)
         select r.id, g / r.cnt + 1, (select id from organisations order by id limit 1), r.version_id,
                'findings', 'Findings', (array['editorial', 'technical', 'major'])[1 + g % 3],
                'Comment ' || g || ': the findings should say which agencies contributed.'
         from generate_series(0, ${comments - 1}) g
         join (select id, version_id, row_number() over (order by id) - 1 as rn, count(*) over () as cnt
               from review_rounds) r on r.rn = g % r.cnt`,
      );
    }
    if (!("dataDir" in target) || scale > 1) await run("analyze");
    const counts: Record<string, number> = {};
    for (const t of ["organisations", "missions", "action_items", "products", "review_comments", "meetings"])
      counts[t] = await count(t);
    return { counts, ms: performance.now() - started };
  } finally {
    await database.close();
  }
}

/** The table's column names, in order. */
async function columnsOf(
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  table: string,
): Promise<string[]> {
  const result = await db.execute(
    sql`select column_name from information_schema.columns where table_name = ${table} and table_schema = 'public'
        and is_generated = 'NEVER' order by ordinal_position`,
  );
  return (result as unknown as { rows: Array<{ column_name: string }> }).rows.map((r) => r.column_name);
}
