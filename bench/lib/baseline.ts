import { fileURLToPath } from "node:url";
import { freePort, type RunningServer, spawnServer } from "./process.js";

/** Starts a bare node:http server (in a child process, like the platform); `/?bytes=N` serves N bytes of HTML. */
export async function startBaseline(): Promise<RunningServer> {
  const port = await freePort();
  return spawnServer({
    name: "the baseline server",
    args: ["--import", "tsx", fileURLToPath(new URL("./baseline-server.ts", import.meta.url))],
    env: { PORT: String(port) },
    port,
    readyPath: "/",
    timeoutMs: 15_000,
  });
}
