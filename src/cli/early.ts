// What a server starts before the rest of it has loaded: the command line imports this module first.
import { compilePgliteEarly } from "../db/pglite-wasm.js";

// A server on a PostgreSQL server has no use for it: a background compile that nothing waits for.
if (process.argv[2] === "serve") compilePgliteEarly();
