/**
 * Fills a PostgreSQL database with N searchable documents (default 100,000) for `bench/search.ts`:
 * about 65% news articles, 28% publications with "PDF" text and 7% FAQ answers, all public, dated
 * 2000-2025. Runs the migrations first; replaces documents from an earlier run (slugs `bench-…`).
 *
 *   DATABASE_URL=postgresql://… [SEARCH_DOCS=100000] npx tsx bench/search-data.ts
 */
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { random, sentences, titleOf } from "./lib/words.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a PostgreSQL database (it will be migrated and filled).");
  process.exit(2);
}
const total = Number(process.env.SEARCH_DOCS ?? 100_000);
const BATCH = 1000;
const rnd = random(42);

const dateIn = (from: number, to: number) => {
  const y = from + Math.floor(rnd() * (to - from + 1));
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};
const words = (min: number, max: number) => min + Math.floor(rnd() * (max - min));

async function insertNews(client: pg.PoolClient, from: number, count: number) {
  const cols: string[][] = [[], [], [], [], [], []];
  for (let i = 0; i < count; i++) {
    const row = [
      `bench-news-${from + i}`,
      titleOf(rnd),
      dateIn(2000, 2025),
      "Geneva",
      sentences(rnd, words(20, 40)),
    ];
    row.push(sentences(rnd, words(150, 450)));
    for (const [k, v] of row.entries()) cols[k]!.push(v);
  }
  await client.query(
    `insert into news_articles (slug, title, news_date, place, summary, body, status, publish_at)
     select s, t, d::date, p, su, b, 'published', d::timestamptz
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as u(s, t, d, p, su, b)`,
    cols,
  );
}

async function insertPublications(client: pg.PoolClient, from: number, count: number) {
  const cols: string[][] = [[], [], [], [], []];
  for (let i = 0; i < count; i++) {
    const row = [`bench-pub-${from + i}`, titleOf(rnd), dateIn(2005, 2025), sentences(rnd, words(30, 90))];
    row.push(sentences(rnd, words(400, 1600)));
    for (const [k, v] of row.entries()) cols[k]!.push(v);
  }
  await client.query(
    `insert into publications (slug, title, category, posted_on, description, text)
     select s, t, 'paper', d::date, de, x
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as u(s, t, d, de, x)`,
    cols,
  );
}

async function insertFaq(client: pg.PoolClient, sectionId: number, from: number, count: number) {
  const cols: string[][] = [[], [], []];
  for (let i = 0; i < count; i++) {
    const row = [`bench-faq-${from + i}`, `${titleOf(rnd)}?`, sentences(rnd, words(40, 120))];
    for (const [k, v] of row.entries()) cols[k]!.push(v);
  }
  await client.query(
    `insert into faq_questions (section_id, slug, question, answer, position)
     select $4, s, q, a, 1000 from unnest($1::text[], $2::text[], $3::text[]) as u(s, q, a)`,
    [...cols, sectionId],
  );
}

async function main() {
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  await database.close();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query("delete from news_articles where slug like 'bench-%'");
    await client.query("delete from publications where slug like 'bench-%'");
    await client.query("delete from faq_questions where slug like 'bench-%'");
    const section = await client.query(
      `insert into faq_sections (slug, title, position) values ('bench', 'Benchmark', 1000)
       on conflict (slug) do update set title = excluded.title returning id`,
    );
    const sectionId = section.rows[0].id as number;
    const plan = [
      ["news", Math.round(total * 0.65)],
      ["publications", Math.round(total * 0.28)],
      ["faq", total - Math.round(total * 0.65) - Math.round(total * 0.28)],
    ] as const;
    for (const [kind, count] of plan) {
      for (let done = 0; done < count; done += BATCH) {
        const n = Math.min(BATCH, count - done);
        if (kind === "news") await insertNews(client, done, n);
        else if (kind === "publications") await insertPublications(client, done, n);
        else await insertFaq(client, sectionId, done, n);
        process.stdout.write(`\r${kind}: ${done + n}/${count}   `);
      }
      process.stdout.write("\n");
    }
    await client.query("vacuum analyze news_articles, publications, faq_questions");
  } finally {
    client.release();
    await pool.end();
  }
  console.log(`Inserted ${total} documents in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

await main();
