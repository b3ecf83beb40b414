// Draws SVG as PNG with resvg in a worker thread (see png.ts): a chart takes 100 ms and more of CPU,
// which on the main thread would stall every other request. Plain JavaScript that needs nothing of
// the TypeScript sources, so unlike the missions import's worker it need not register tsx first.
import { parentPort } from "node:worker_threads";
import { Resvg } from "@resvg/resvg-js";

// Twice the SVG's size, for sharp prints and high-density screens; the charts name DejaVu Sans first.
const options = {
  fitTo: { mode: "zoom", value: 2 },
  font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
};

parentPort?.on("message", (svg) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    parentPort?.postMessage({ ok: true, value: png });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
