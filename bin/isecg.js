#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the command line from its bundle (bin/bundle.js), made again first when a source changed. The
// larger young generation (64 MB semi-spaces; `npm run isecg` passes it too) lets bulk work such as a
// 100,000-mission import keep its short-lived batches out of the old generation: a tenth less time.
// `npm start` runs the server with a heap limit, small semi-spaces and WebAssembly's baseline compiler only
// instead, to stay small and start fast (decision 0008).
import { fileURLToPath, pathToFileURL } from "node:url";
import { freshBundle } from "./bundle.js";

let entry;
try {
  entry = await freshBundle();
} catch (e) {
  // A checkout it cannot write to still runs: the sources through tsx, as in development.
  console.error(
    `Running from the sources (the bundle could not be made: ${e instanceof Error ? e.message : e}).`,
  );
  const { register } = await import("tsx/esm/api");
  register();
  entry = fileURLToPath(new URL("../src/cli/isecg.ts", import.meta.url));
}
await import(pathToFileURL(entry).href);
