import { fileURLToPath } from "node:url";
import { freePort, type RunningServer, spawnServer } from "./process.js";

/**
 * Starts a bare node:http server (in a child process, like the platform); `/?bytes=N` serves N bytes
 * of HTML, with `headers` added to each response if given.
 */
export async function startBaseline(headers: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  return spawnServer({
    name: "the baseline server",
    args: ["--import", "tsx", fileURLToPath(new URL("./baseline-server.ts", import.meta.url))],
    env: { PORT: String(port), EXTRA_HEADERS: JSON.stringify(headers) },
    port,
    readyPath: "/",
    timeoutMs: 15_000,
  });
}
