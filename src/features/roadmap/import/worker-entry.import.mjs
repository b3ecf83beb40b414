// The import worker's entry, in plain JavaScript: a worker thread does not inherit the main thread's
// TypeScript loader, so this registers tsx first (as bin/isecg.js does), then runs the worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.import.ts");
