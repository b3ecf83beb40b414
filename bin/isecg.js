#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the command line from its bundle (bin/bundle.js), made again first when a source changed. The
// larger young generation (64 MB semi-spaces; `npm run isecg` passes it too) lets bulk work such as a
// 100,000-mission import keep its short-lived batches out of the old generation: a tenth less time.
// `npm start` runs the server with a heap limit, small semi-spaces and WebAssembly's baseline compiler only
// instead, to stay small and start fast (decision 0008).
import { freshBundle } from "./bundle.js";
import { runBundle } from "./code-cache.js";

let bundle;
try {
  bundle = await freshBundle();
} catch (e) {
  // A checkout it cannot write to still runs: the sources through tsx, as in development.
  console.error(
    `Running from the sources (the bundle could not be made: ${e instanceof Error ? e.message : e}).`,
  );
}
if (bundle) runBundle(bundle);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/isecg.ts");
}
