import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const codeCache = pathToFileURL(resolve("bin/code-cache.js")).href;
let dir: string;
let bundle: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "isecg-code-cache-"));
  bundle = join(dir, "bundle.cjs");
  // A bundle as esbuild makes one: CommonJS, reading Node's modules and its own file name.
  writeFileSync(
    bundle,
    'const { basename } = require("node:path");\nfunction greet(n) { return "ran " + basename(__filename) + " for " + n; }\nconsole.log(greet(process.argv[1]));\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundle as bin/isecg.js does in a new process, optionally announcing a started server. */
function run(started: boolean): { output: string; source: string } {
  const script = `import { runBundle, startedEvent } from ${JSON.stringify(codeCache)};
    const source = runBundle(${JSON.stringify(bundle)});
    ${started ? "process.emit(startedEvent);" : ""}
    console.log(source);`;
  const [output = "", source = ""] = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", script, "ESA"],
    {
      encoding: "utf8",
    },
  )
    .trim()
    .split("\n");
  return { output, source };
}

describe("the bundle's code cache", () => {
  it("runs the bundle with require and its file name, compiled the first time", () => {
    expect(run(false)).toEqual({ output: "ran bundle.cjs for ESA", source: "compiled" });
  });

  it("is kept once a server has started, and read by the next start", () => {
    expect(run(false).source).toBe("compiled");
    expect(existsSync(`${bundle}.cache`)).toBe(false);
    expect(run(true).source).toBe("compiled");
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(run(false)).toEqual({ output: "ran bundle.cjs for ESA", source: "cached" });
  });

  it("is not read for a bundle made after it", () => {
    run(true);
    // As when the bundle is made again after the cache was kept.
    const earlier = new Date(Date.now() - 5_000);
    utimesSync(`${bundle}.cache`, earlier, earlier);
    expect(run(true).source).toBe("compiled");
    // The next start has a cache of the new bundle again.
    expect(run(false).source).toBe("cached");
  });

  it("is made again when V8 refuses the one on disk", () => {
    run(true);
    writeFileSync(`${bundle}.cache`, "not a code cache");
    expect(run(true).source).toBe("compiled");
    expect(run(false).source).toBe("cached");
  });
});
