// Runs wrk (a load generator written in C) and reads its text report. wrk costs far less CPU per
// response than autocannon, which matters when it shares the machine's cores with the server.
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import type { LoadResult } from "./load.js";

/**
 * What one wrk run reports, in the units the bench uses. wrk's "Non-2xx or 3xx responses" are the
 * statuses of 400 and more; its socket errors (connect, read, write, timeout) count together.
 */
type WrkReport = Pick<LoadResult, "requests" | "reqPerSec" | "p50Ms" | "p99Ms" | "non2xx" | "errors">;

/** Whether an executable `wrk` is on the PATH. */
export function wrkOnPath(): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, "wrk"), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Loads `url` with wrk on one thread for `seconds` (whole seconds: wrk takes no fractions); with
 * `script`, a Lua file that may choose each request (see `pathsScript`); `headers` go with every request.
 */
export async function runWrk(
  url: string,
  seconds: number,
  connections: number,
  script?: string,
  headers: Record<string, string> = {},
): Promise<WrkReport> {
  if (!Number.isInteger(seconds)) throw new Error(`wrk runs for whole seconds, not ${seconds}`);
  // A timeout as long as autocannon's (10 s): a slow moment of the machine is not a failed request.
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "--latency"];
  if (script) args.push("-s", script);
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);
  const output = await new Promise<string>((resolve, reject) => {
    execFile("wrk", args, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`wrk ${args.join(" ")} failed: ${(stderr || stdout || error.message).trim()}`));
      else resolve(stdout);
    });
  });
  return parseWrk(output);
}

/** Reads the figures out of the text wrk prints with `--latency`. */
export function parseWrk(output: string): WrkReport {
  const socket = match(output, /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/, false);
  return {
    requests: Number(match(output, /(\d+) requests in /)?.[1]),
    reqPerSec: Number(match(output, /Requests\/sec:\s+([\d.]+)/)?.[1]),
    p50Ms: latencyMs(output, "50%"),
    p99Ms: latencyMs(output, "99%"),
    non2xx: Number(match(output, /Non-2xx or 3xx responses: (\d+)/, false)?.[1] ?? 0),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

const msPerUnit: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A line of the latency distribution, e.g. "     99%  102.08ms", in milliseconds. */
function latencyMs(output: string, percentile: string): number {
  const found = match(output, new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, "m"));
  return Number(found?.[1]) * (msPerUnit[found?.[2] ?? ""] ?? Number.NaN);
}

/** `pattern`'s match in wrk's output; throws when a line that is always there is missing. */
function match(output: string, pattern: RegExp, required = true): RegExpMatchArray | null {
  const found = output.match(pattern);
  if (!found && required) throw new Error(`unexpected wrk output (no ${pattern}):\n${output}`);
  return found;
}

/** A wrk Lua script that asks for `paths` in turn, starting again after the last. */
export function pathsScript(paths: string[]): string {
  const list = paths.map((p) => JSON.stringify(p)).join(",\n  ");
  return `local paths = {\n  ${list}\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`;
}
