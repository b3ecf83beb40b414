import { afterAll, describe, expect, it } from "vitest";
import { pngSize } from "../../../tests/support/png.js";
import { AppError } from "../../http/errors.js";
import { PageCache } from "../../http/page-cache.js";
import { closePngRenderer, renderPng } from "./png.js";

const app = { cache: new PageCache() };
afterAll(() => closePngRenderer(app));

const square = (side: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="${side}" height="${side}" fill="#0072B2"/></svg>`;

describe("chart PNGs", () => {
  it("are drawn at twice the SVG's size", async () => {
    expect(pngSize(await renderPng(app, () => square(30)))).toEqual({ width: 60, height: 60 });
  });

  it("are refused with 503 before drawing when as many requests already wait to draw as the queue holds", async () => {
    let drawn = 0;
    const draw = (side: number) => async () => {
      drawn++;
      return square(side);
    };
    const asked = Array.from({ length: 40 }, (_, k) =>
      renderPng(app, draw(k + 1)).then(
        () => "drawn",
        (e: AppError) => e.status,
      ),
    );
    const answers = await Promise.all(asked);
    const refused = answers.filter((a) => a === 503).length;
    expect(refused).toBeGreaterThan(0);
    expect(drawn).toBe(40 - refused);
  });

  it("are not drawn for a request whose client has gone", async () => {
    let drawn = false;
    const gone = new AbortController();
    const asked = renderPng(
      app,
      () => {
        drawn = true;
        return square(9);
      },
      gone.signal,
    );
    gone.abort();
    await expect(asked).rejects.toBeInstanceOf(AppError);
    expect(drawn).toBe(false);
  });

  it("are drawn one at a time, with a turn of the event loop between two", async () => {
    const events: string[] = [];
    let drawing = 0;
    const draw = (side: number) => async () => {
      drawing++;
      expect(drawing).toBe(1);
      events.push(`draw ${side}`);
      // What another request would do while charts wait: it must get in between.
      setImmediate(() => events.push(`other after ${side}`));
      await Promise.resolve();
      drawing--;
      return square(side);
    };
    await Promise.all([11, 12, 13].map((side) => renderPng(app, draw(side))));
    expect(events.slice(0, 4)).toEqual(["draw 11", "other after 11", "draw 12", "other after 12"]);
  });
});
