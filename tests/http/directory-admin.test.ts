import { count, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, people } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const agency = {
  acronym: "KSA",
  name: "Kepler Space Agency",
  country: "Atlantis",
  kind: "space_agency",
  joined: "2025-03",
};

const orgCount = async () => (await t.deps.db.select({ n: count() }).from(organisations))[0]!.n;
const peopleCount = async () => (await t.deps.db.select({ n: count() }).from(people))[0]!.n;
const lastAudit = async () =>
  (await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

async function secretariat() {
  const me = await makePerson(t.deps, ["secretariat"], null);
  return { me, b: await browser(t.deps, t.app, me) };
}

describe("the secretariat manages member organisations", () => {
  it("adding an agency shows it in the public directory and records who did it", async () => {
    const { me, b } = await secretariat();
    const res = await b.post("/private/members/new", { ...agency, founding: "" });
    expect(res.status).toBe(303);
    const page = await (await t.app.request("/members/ksa")).text();
    expect(page).toContain("Kepler Space Agency");
    expect(page).toContain("March 2025");
    expect(await (await t.app.request("/members")).text()).toContain('href="/members/ksa"');
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: "organisation.create", actorId: me.id, actorName: me.name });
    expect(entry.summary).toContain("KSA");
  });

  it.each([
    [{ kind: "individual" }, "kind", "individuals cannot"],
    [{ joined: "2025-13" }, "joined", "not a real date"],
    [{ joined: "March 2025" }, "joined", "Use YYYY, YYYY-MM or YYYY-MM-DD."],
    [{ acronym: "" }, "acronym", "Enter the acronym"],
    [{ acronym: "esa" }, "acronym", "already exists"],
    [{ website: "javascript:alert(1)" }, "website", "full web address"],
    [{ name: "<script>alert(1)</script>x" }, null, null],
  ])("bad input %j gets a clear message and changes nothing", async (change, field, message) => {
    const { b } = await secretariat();
    const before = await orgCount();
    const res = await b.post("/private/members/new", { ...agency, ...change } as Record<string, string>);
    const html = await res.text();
    if (field) {
      expect(res.status).toBe(422);
      expect(html).toContain(`id="f-${field}-error"`);
      expect(html).toContain(message!);
      expect(await orgCount()).toBe(before);
    } else {
      // Markup in a name is stored as text and always escaped on output.
      expect(res.status).toBe(303);
      const page = await (await t.app.request("/members/ksa")).text();
      expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;x");
      expect(page).not.toContain("<script>alert(1)");
    }
  });

  it("an organisation cannot leave before it joined", async () => {
    const { b } = await secretariat();
    const res = await b.post("/private/members/new", { ...agency, leftOn: "2020-01-01" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Leaving must come after joining.");
  });

  it("the database itself refuses a kind other than agency or government organisation", async () => {
    await expect(
      t.deps.db.execute(
        `insert into organisations (acronym, slug, name, country, kind, joined_on, joined_precision) values ('IND', 'ind', 'A Person', 'X', 'individual', '2020-01-01', 'year')` as never,
      ),
    ).rejects.toThrow();
  });

  it("editing records the fields changed with their old and new values", async () => {
    const { b } = await secretariat();
    const esa = (await t.deps.db.select().from(organisations).where(eq(organisations.slug, "esa")))[0]!;
    const res = await b.post("/private/members/esa/edit", {
      acronym: "ESA",
      name: esa.name,
      country: esa.country,
      kind: esa.kind,
      joined: "2007-11",
      founding: "on",
      intergovernmental: "on",
      website: "https://www.esa.int/",
      description: "A new description.",
    });
    expect(res.status).toBe(303);
    const entry = await lastAudit();
    expect(entry.action).toBe("organisation.update");
    expect(entry.summary).toContain("description");
    expect((entry.details as { after: Record<string, unknown> }).after.description).toBe(
      "A new description.",
    );
  });
});

describe("a focal point and their own agency", () => {
  it("a focal point changes their own agency's profile but nothing else about it", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, fp);
    const res = await b.post("/private/members/esa/edit", {
      description: "Written by ESA.",
      website: "https://www.esa.int",
      name: "Hijacked",
      founding: "",
    });
    expect(res.status).toBe(303);
    const esa = (await t.deps.db.select().from(organisations).where(eq(organisations.slug, "esa")))[0]!;
    expect(esa.description).toBe("Written by ESA.");
    expect(esa.name).toBe("European Space Agency");
    expect(esa.founding).toBe(true);
    expect((await lastAudit()).agencyAcronym).toBe("ESA");
  });

  it("a focal point of another agency cannot change it, and nothing changes", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "JAXA");
    const b = await browser(t.deps, t.app, fp);
    const res = await b.post("/private/members/esa/edit", { description: "Written by JAXA." });
    expect(res.status).toBe(403);
    const esa = (await t.deps.db.select().from(organisations).where(eq(organisations.slug, "esa")))[0]!;
    expect(esa.description).not.toBe("Written by JAXA.");
  });
});

describe("the secretariat manages people", () => {
  it("a person must belong to a member organisation unless they are secretariat staff", async () => {
    const { b } = await secretariat();
    const before = await peopleCount();
    const res = await b.post("/private/people/new", {
      name: "Lone Individual",
      email: "lone@example.org",
      organisation: "",
      roles: "member",
      active: "on",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("individuals cannot be members on their own");
    expect(await peopleCount()).toBe(before);
    const staff = await b.post("/private/people/new", {
      name: "Staff Member",
      email: "staff@example.org",
      organisation: "",
      roles: "secretariat",
      active: "on",
    });
    expect(staff.status).toBe(303);
  });

  it("the database itself refuses a person with no organisation who is not secretariat", async () => {
    await expect(
      t.deps.db
        .insert(people)
        .values({ name: "X", email: "x@example.org", roles: ["member"], organisationId: null }),
    ).rejects.toThrow();
  });

  it("e-mail addresses are unique regardless of case, and roles must be known", async () => {
    const { b } = await secretariat();
    await b.post("/private/people/new", {
      name: "Ann Able",
      email: "dup@example.org",
      organisation: "ESA",
      roles: "member",
    });
    const dup = await b.post("/private/people/new", {
      name: "Bob Baker",
      email: "DUP@example.org",
      organisation: "ESA",
      roles: "member",
    });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain("already exists");
    const badRole = await b.post("/private/people/new", {
      name: "Cat Cole",
      email: "c@example.org",
      organisation: "ESA",
      roles: "emperor",
    });
    expect(badRole.status).toBe(422);
  });

  it("a person cannot be added to an organisation that left or does not exist", async () => {
    const { b } = await secretariat();
    const res = await b.post("/private/people/new", {
      name: "Dan Dale",
      email: "d@example.org",
      organisation: "NOPE",
      roles: "member",
    });
    expect(await res.text()).toContain("There is no member organisation NOPE.");
  });

  it("the secretariat cannot remove their own secretariat role by accident", async () => {
    const { me, b } = await secretariat();
    const res = await b.post(`/private/people/${me.id}/edit`, {
      name: me.name,
      email: me.email,
      organisation: "ESA",
      roles: "member",
      active: "on",
    });
    expect(res.status).toBe(422);
  });

  it("the people directory shows contacts to members, filtered by agency, with pagination", async () => {
    for (let i = 0; i < 55; i++) await makePerson(t.deps, ["member"], "CNES");
    const reader = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, reader);
    const first = await (await b.get("/private/people?agency=CNES")).text();
    expect(first).toContain("55 people found.");
    expect(first).toContain("Page 1 of 2");
    expect(first).toContain("mailto:");
    const second = await (await b.get("/private/people?agency=CNES&page=2")).text();
    expect(second.match(/<tr><th scope="row">/g)?.length).toBe(5);
    const none = await (await b.get("/private/people?q=zzzz-nobody")).text();
    expect(none).toContain("Nobody matches these filters.");
  });
});

describe("chair terms", () => {
  it("the secretariat adds a chair term; an end before the start is refused", async () => {
    const { b } = await secretariat();
    const bad = await b.post("/private/chairs", {
      organisation: "NASA",
      from: "2030",
      to: "2029",
      certainty: "confirmed",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("The end must not be before the start.");
    const ok = await b.post("/private/chairs", {
      organisation: "NASA",
      from: "2030-01",
      certainty: "likely",
    });
    expect(ok.status).toBe(303);
    expect(await (await t.app.request("/about")).text()).toContain("January 2030");
  });

  it("deleting a chair term asks for confirmation first", async () => {
    const { b } = await secretariat();
    const page = await (await b.get("/private/chairs")).text();
    const id = page.match(/\/private\/chairs\/(\d+)\/delete/)![1];
    const confirm = await (await b.get(`/private/chairs/${id}/delete`)).text();
    expect(confirm).toContain("Delete this chair term?");
    expect((await b.post(`/private/chairs/${id}/delete`)).status).toBe(303);
    expect((await lastAudit()).action).toBe("chair_term.delete");
  });
});

describe("the secretariat's details", () => {
  it("changing them shows on every page's footer; a bad e-mail changes nothing", async () => {
    const { b } = await secretariat();
    const bad = await b.post("/private/settings", {
      name: "Forum Secretariat",
      address: "Somewhere",
      email: "not-an-email",
      note: "",
    });
    expect(bad.status).toBe(422);
    expect(await (await t.app.request("/about")).text()).toContain("Keplerlaan 1");
    const ok = await b.post("/private/settings", {
      name: "Forum Secretariat",
      hostAcronym: "ESA",
      address: "Main Street 5\n1000 Town",
      email: "office@example.org",
      note: "Hosted by ESA.",
    });
    expect(ok.status).toBe(303);
    const home = await (await t.app.request("/")).text();
    expect(home).toContain("Main Street 5<br/>1000 Town");
    expect(home).toContain("office@example.org");
    expect((await lastAudit()).action).toBe("settings.secretariat");
  });
});
