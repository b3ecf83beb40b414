import type { EventEmitter } from "node:events";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirInUse } from "./db/client.js";
import { startServer } from "./server.js";

/** Runs the platform until SIGINT or SIGTERM, then shuts down gracefully. */
export async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  let close: () => Promise<void>;
  try {
    ({ close } = await startServer(config));
  } catch (e) {
    if (e instanceof DataDirInUse) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  // bin/code-cache.js keeps the code compiled so far for the next start.
  (process as EventEmitter).emit("isecg:started");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
