import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { publications, storedFiles as storedFilesTable } from "../../src/db/schema/index.js";
import { sha256Of } from "../../src/features/publications/publications.files.service.js";
import type { Person } from "../../src/http/actor.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makePdf } from "../support/pdf.js";

const t = useTestDatabase();

/** The hashes of the files in the database (each test starts from none and is rolled back). */
const storedFiles = async () =>
  (await t.deps.db.select({ sha256: storedFilesTable.sha256 }).from(storedFilesTable)).map((r) => r.sha256);

/** Posts a multipart form as this person, with the CSRF field, like a browser would. */
async function upload(
  person: Person,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
) {
  const nonce = "upload-nonce";
  const token = await createSession(t.deps.db, person.id, t.deps.now(), {});
  const form = new FormData();
  form.append("_csrf", csrfTokenFor(t.deps.config.sessionSecret, nonce));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: `${CSRF_COOKIE}=${nonce}; ${SESSION_COOKIE}=${token}` },
    body: form,
  });
}

const base = { title: "Lunar Dust Handbook", category: "technology_assessment", postedOn: "2025-03-04" };

const rowBySlug = async (slug: string) =>
  (await t.deps.db.select().from(publications).where(eq(publications.slug, slug)))[0];

describe("uploading a PDF", () => {
  it("stores a real PDF by its hash, extracts its text and serves it with the right headers", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const pdf = await makePdf(["Regolith sintering for landing pads", "Second page about dust"]);
    const res = await upload(sec, "/private/publications/new", base, {
      name: "dust handbook.pdf",
      type: "application/pdf",
      bytes: pdf,
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const row = await rowBySlug("lunar-dust-handbook");
    expect(row).toBeDefined();
    expect(row!.fileSha256).toBe(sha256Of(pdf));
    expect(row!.fileSize).toBe(pdf.byteLength);
    expect(row!.fileName).toBe("dust handbook.pdf");
    expect(row!.text).toContain("Regolith sintering");
    expect(row!.text).toContain("Second page about dust");
    expect(await storedFiles()).toEqual([sha256Of(pdf)]);

    const file = await t.app.request("/publications/lunar-dust-handbook/file");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-length")).toBe(String(pdf.byteLength));
    expect(file.headers.get("content-disposition")).toMatch(/^inline; filename="dust handbook\.pdf"/);
    expect(file.headers.get("etag")).toBe(`"${sha256Of(pdf)}"`);
    expect(file.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // Files never enter the page cache.
    expect(file.headers.get("x-cache")).toBeNull();

    const page = await (await t.app.request("/publications/lunar-dust-handbook")).text();
    expect(page).toContain('href="/publications/lunar-dust-handbook/file"');
    expect(page).toContain("Posted on");
  });

  it("answers single byte ranges with 206, impossible ones with 416, and a known ETag with 304", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const pdf = await makePdf(["Range test"]);
    await upload(sec, "/private/publications/new", base, {
      name: "r.pdf",
      type: "application/pdf",
      bytes: pdf,
    });
    const url = "/publications/lunar-dust-handbook/file";

    const head = await t.app.request(url, { headers: { range: "bytes=0-4" } });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe(`bytes 0-4/${pdf.byteLength}`);
    expect(head.headers.get("content-length")).toBe("5");
    expect(await head.text()).toBe("%PDF-");

    const tail = await t.app.request(url, { headers: { range: "bytes=-7" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(pdf.subarray(pdf.byteLength - 7))).toBe(true);

    const open = await t.app.request(url, { headers: { range: `bytes=${pdf.byteLength - 3}-` } });
    expect(open.status).toBe(206);
    expect(open.headers.get("content-range")).toBe(
      `bytes ${pdf.byteLength - 3}-${pdf.byteLength - 1}/${pdf.byteLength}`,
    );

    const beyond = await t.app.request(url, { headers: { range: `bytes=${pdf.byteLength + 10}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${pdf.byteLength}`);

    const etag = (await t.app.request(url)).headers.get("etag")!;
    const cached = await t.app.request(url, { headers: { "if-none-match": etag } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it("refuses a text file renamed to .pdf with a clear message, storing nothing", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const res = await upload(sec, "/private/publications/new", base, {
      name: "report.pdf",
      type: "application/pdf",
      bytes: new TextEncoder().encode("Just some notes, not a PDF at all."),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("report.pdf is not a PDF");
    expect(html).toContain('value="Lunar Dust Handbook"');
    expect(await rowBySlug("lunar-dust-handbook")).toBeUndefined();
    expect(await storedFiles()).toEqual([]);
  });

  it("refuses a file over 50 MB with a clear message, storing nothing", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.4\n"));
    const res = await upload(sec, "/private/publications/new", base, {
      name: "huge.pdf",
      type: "application/pdf",
      bytes: big,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("PDFs can be at most 50 MB");
    expect(await rowBySlug("lunar-dust-handbook")).toBeUndefined();
    expect(await storedFiles()).toEqual([]);
  }, 30_000);

  it("replaces and removes the file of an existing publication", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const first = await makePdf(["First version"]);
    const second = await makePdf(["Second version"]);
    await upload(sec, "/private/publications/new", base, {
      name: "a.pdf",
      type: "application/pdf",
      bytes: first,
    });
    const edit = "/private/publications/lunar-dust-handbook/edit";
    expect(
      (await upload(sec, edit, base, { name: "b.pdf", type: "application/pdf", bytes: second })).status,
    ).toBe(303);
    expect((await rowBySlug("lunar-dust-handbook"))!.text).toContain("Second version");
    expect((await upload(sec, edit, { ...base, removeFile: "on" })).status).toBe(303);
    const row = await rowBySlug("lunar-dust-handbook");
    expect(row!.fileSha256).toBeNull();
    expect(row!.text).toBeNull();
    expect((await t.app.request("/publications/lunar-dust-handbook/file")).status).toBe(404);
  });
});

describe("external links and bad input", () => {
  it("publishes a record with an external link instead of a file", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const res = await upload(sec, "/private/publications/new", {
      ...base,
      externalUrl: "https://example.org/dust.pdf",
    });
    expect(res.status).toBe(303);
    const page = await (await t.app.request("/publications/lunar-dust-handbook")).text();
    expect(page).toContain('href="https://example.org/dust.pdf"');
    expect((await t.app.request("/publications/lunar-dust-handbook/file")).status).toBe(404);
  });

  it("refuses a file and a link together", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const res = await upload(
      sec,
      "/private/publications/new",
      { ...base, externalUrl: "https://example.org/x.pdf" },
      { name: "x.pdf", type: "application/pdf", bytes: await makePdf(["x"]) },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("either a PDF file or an external link");
    expect(await storedFiles()).toEqual([]);
  });

  it("escapes a script in a title everywhere it is shown", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const res = await upload(sec, "/private/publications/new", {
      ...base,
      title: "<script>alert(1)</script> Roadmap",
      slug: "scripted",
    });
    expect(res.status).toBe(303);
    for (const path of ["/publications/scripted", "/publications", "/"]) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).not.toContain("<script>alert(1)</script>");
      expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Roadmap");
    }
  });

  it("refuses a duplicate address and an unknown previous edition", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await b.post("/private/publications/new", {
      ...base,
      slug: "global-exploration-roadmap-2018",
      previousEdition: "no-such-thing",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("already uses the address global-exploration-roadmap-2018");
  });
});

describe("the public library", () => {
  it("lists newest posted first, paginates, and filters by category and year", async () => {
    const first = await (await t.app.request("/publications")).text();
    expect(first).toContain("34 publications");
    expect(first).toContain('rel="next"');
    expect(first.indexOf("Global Exploration Roadmap (4th edition")).toBeLessThan(
      first.indexOf("ISECG Annual Report 2022"),
    );
    const second = await (await t.app.request("/publications?page=2")).text();
    expect(second).toContain("Page 2 of 2");

    const reports = await (await t.app.request("/publications?category=annual_report")).text();
    expect(reports).toContain("ISECG Annual Report 2013");
    expect(reports).not.toContain("Benefits Stemming from Space Exploration");

    const y2018 = await (await t.app.request("/publications?year=2018")).text();
    expect(y2018).toContain("The Global Exploration Roadmap (3rd edition)");
    expect(y2018).not.toContain("The Global Exploration Roadmap (2nd edition)");

    const none = await (await t.app.request("/publications?category=paper&year=2010")).text();
    expect(none).toContain("No publication matches these filters.");
  });

  it("shows the whole edition lineage of the roadmap, without curation notes", async () => {
    const html = await (await t.app.request("/publications/global-exploration-roadmap-2018")).text();
    expect(html).toContain("Other editions");
    for (const slug of [
      "global-exploration-roadmap-2011",
      "global-exploration-roadmap-2013",
      "global-exploration-roadmap-2024",
    ])
      expect(html).toContain(`href="/publications/${slug}"`);
    expect(html).toContain("3rd edition (2018)");
    const tor = await (await t.app.request("/publications/terms-of-reference-2015")).text();
    expect(tor).toContain("Terms of Reference");
    expect(tor).not.toContain("uncertain");
    expect(tor).not.toContain("Sources");
  });

  it("shows the five latest publications with their Posted on dates on Home", async () => {
    const html = await (await t.app.request("/")).text();
    expect(html).toContain("Latest publications");
    const block = html.slice(html.indexOf("Latest publications"));
    expect((block.match(/class="pub-item"/g) ?? []).length).toBe(5);
    expect(block).toContain("Posted on");
  });
});

describe("the publications API", () => {
  it("lists and shows publications with their edition links", async () => {
    const list = await (
      await t.app.request("/api/v1/publications?category=global_exploration_roadmap")
    ).json();
    expect(list.total).toBe(4);
    const one = await (await t.app.request("/api/v1/publications/global-exploration-roadmap-2024")).json();
    expect(one.data.previousEdition).toBe("global-exploration-roadmap-2018");
    expect(one.data.published).toBe("2024-08");
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(Object.keys(doc.paths)).toContain("/publications/{slug}");
  });

  it("lets the secretariat add and change a publication", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const created = await b.json("POST", "/api/v1/publications", {
      title: "A Paper",
      category: "paper",
      published: "2025-02",
      externalUrl: "https://example.org/paper",
      sources: ["https://example.org"],
    });
    expect(created.status).toBe(201);
    expect((await created.json()).data.slug).toBe("a-paper");
    const changed = await b.json("PATCH", "/api/v1/publications/a-paper", {
      uncertain: true,
      certaintyNote: "Date",
    });
    expect(changed.status).toBe(200);
    const data = (await changed.json()).data;
    expect(data.uncertain).toBe(true);
    expect(data.externalUrl).toBe("https://example.org/paper");
    const bad = await b.json("POST", "/api/v1/publications", { title: "X", category: "novel" });
    expect(bad.status).toBe(422);
  });
});

describe("deleting", () => {
  it("asks for confirmation, then removes the record", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const confirm = await b.get("/private/publications/annual-report-2009/delete");
    expect(await confirm.text()).toContain("Delete this publication?");
    expect(await rowBySlug("annual-report-2009")).toBeDefined();
    expect((await b.post("/private/publications/annual-report-2009/delete")).status).toBe(303);
    expect(await rowBySlug("annual-report-2009")).toBeUndefined();
  });
});
