import { describe, expect, it } from "vitest";
import { pageGroup } from "./routes.js";

describe("a group of pages from a table", () => {
  it("answers each method and path with its handler, in the table's order", async () => {
    const group = pageGroup([
      ["GET", "/things/new", (c) => c.text("the form")],
      ["GET", "/things/:slug", (c) => c.text(`thing ${c.req.param("slug")}`)],
      ["POST", "/things/:slug", (c) => c.text(`saved ${c.req.param("slug")}`)],
    ])();
    expect(await (await group.request("/things/new")).text()).toBe("the form");
    expect(await (await group.request("/things/moon")).text()).toBe("thing moon");
    expect(await (await group.request("/things/moon", { method: "POST" })).text()).toBe("saved moon");
    expect((await group.request("/things/moon", { method: "DELETE" })).status).toBe(404);
  });
});
