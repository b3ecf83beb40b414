import { describe, expect, it } from "vitest";
import { systemActor } from "../../../http/actor.js";
import { planImport } from "./plan.import.js";
import { readImportFile } from "./read.import.js";

const ctx = {
  actor: systemActor("test"),
  areas: new Map([["PROP", 1]]),
  technologies: new Map([["GER-003", 10]]),
  agencies: new Map([["esa", { id: 5, acronym: "ESA" }]]),
  missions: new Map([["argonaut", { id: 7, leadOrganisationId: 5 }]]),
  capabilities: new Map([["5:10", 99]]),
  needs: new Map([[3, { missionId: 7, leadOrganisationId: 5 }]]),
};

describe("reading technology import files", () => {
  it("reports unknown and missing columns on line 1 and splits lists on semicolons", () => {
    const read = readImportFile("technologies", "code,title,colour\nGER-003,LOX methane,red\n", "csv");
    expect(read.errors.map((e) => e.field).sort()).toEqual(["area", "colour"]);
    const ok = readImportFile(
      "technologies",
      "code,area,title,destinations\nGER-003,PROP,T,mars; lunar_surface\n",
      "csv",
    );
    expect(ok.rows[0]!.values.destinations).toEqual(["mars", "lunar_surface"]);
  });

  it("reads a bare JSON array or { data }, numbering items from 1", () => {
    const read = readImportFile("capabilities", '{"data":[{"agency":"ESA","currentTrl":4,"x":1}]}', "json");
    expect(read.rows[0]).toEqual({ line: 1, values: { agency: "ESA", currentTrl: "4" } });
    expect(read.errors).toEqual([{ line: 1, field: "x", reason: 'Unknown property "x".' }]);
    expect(readImportFile("needs", "{", "json").errors[0]!.field).toBe("row");
  });
});

describe("planning a technology import", () => {
  it("matches capabilities by agency and technology and reports problems by CSV column", () => {
    const read = readImportFile(
      "capabilities",
      "agency,technology,current_trl,target_trl,target_date\nesa,ger-003,4,6,2030-01-01\nNASA,GER-003,4,6,2030-01-01\nESA,GER-003,4,6,2030-01-01\n",
      "csv",
    );
    const plan = planImport("capabilities", read.rows, ctx, "csv");
    expect(plan.rows).toHaveLength(1);
    expect(plan.rows[0]).toMatchObject({ existingId: 99, organisationId: 5, technologyId: 10 });
    expect(plan.errors).toEqual([
      { line: 3, field: "agency", reason: "There is no member agency NASA." },
      { line: 4, field: "row", reason: "This record repeats line 2 of the file." },
    ]);
  });

  it("updates a need by id, adds one without, and refuses an unknown id", () => {
    const read = readImportFile(
      "needs",
      "id,mission,element,technology,trl_needed,needed_by\n3,argonaut,,GER-003,6,2028-01-01\n,,Habitat,GER-003,6,2030-01-01\n42,argonaut,,GER-003,6,2028-01-01\n",
      "csv",
    );
    const plan = planImport("needs", read.rows, ctx, "csv");
    expect(plan.rows.map((r) => r.existingId)).toEqual([3, null]);
    expect(plan.errors).toEqual([
      { line: 4, field: "id", reason: "There is no need 42; leave id empty to add a new one." },
    ]);
  });

  it("a focal point of another agency cannot plan ESA's rows", () => {
    const jaxa = {
      kind: "person" as const,
      id: 1,
      name: "J",
      email: "j@example.org",
      roles: ["member" as const, "focal_point" as const],
      organisationId: 6,
      organisationAcronym: "JAXA",
    };
    const read = readImportFile(
      "capabilities",
      '[{"agency":"ESA","technology":"GER-003","currentTrl":4,"targetTrl":5,"targetDate":"2030-01-01"}]',
      "json",
    );
    const plan = planImport("capabilities", read.rows, { ...ctx, actor: jaxa }, "json");
    expect(plan.rows).toEqual([]);
    expect(plan.errors[0]).toMatchObject({ line: 1, field: "agency" });
  });
});
