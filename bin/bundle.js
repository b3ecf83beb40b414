// The command line as one JavaScript file (.build/isecg.cjs), made by esbuild from src/ and made again
// whenever a source is newer. Node loads one file in a fraction of the time tsx takes to compile five
// hundred modules at every start, and without tsx's compiler in memory (see docs/decisions/0008).
// CommonJS, not an ES module, so that V8 can keep its compiled code between starts (code-cache.js).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheOf } from "./code-cache.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, ".build", "isecg.cjs");
// What the bundle is made of: the sources, the compiler settings, and this file.
const inputs = [join(root, "src"), join(root, "tsconfig.json"), fileURLToPath(import.meta.url)];

/** The newest modification time under `path` (tests excluded: they are not in the bundle). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  // Entries' types come with the listing: only files are stat'ed, and tests not at all.
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (!entry.isDirectory() && /\.test\.tsx?$/.test(entry.name)) continue;
    latest = Math.max(latest, newest(join(path, entry.name)));
  }
  return latest;
}

function isFresh() {
  try {
    return statSync(out).mtimeMs >= Math.max(...inputs.map(newest));
  } catch {
    return false;
  }
}

/**
 * Sources keep reading files beside themselves (`new URL("./migrations", import.meta.url)`): in the
 * bundle each module's `import.meta.url` becomes its own source file's address again, found from the
 * bundle's own address (the banner below).
 */
const ownAddress = {
  name: "own-address",
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, (args) => {
      let contents = readFileSync(args.path, "utf8");
      if (contents.includes("import.meta.url")) {
        const fromBundle = relative(dirname(out), args.path).split("\\").join("/");
        contents = contents.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(fromBundle)}, isecgBundleAddress).href`,
        );
      }
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

/**
 * esbuild escapes strings but not comments or regular expressions. An all-ASCII file is read and kept
 * as one byte per character: half the memory, and read in half the time (15 ms instead of 30–50). An
 * escape means the same character everywhere in JavaScript, except in String.raw, which no source uses.
 */
const asciiOnly = (code) =>
  code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The bundle's path, made first when missing or older than a source. */
export async function freshBundle() {
  if (isFresh()) return out;
  const { build } = await import("esbuild");
  mkdirSync(dirname(out), { recursive: true });
  // Written aside and renamed, so a process starting meanwhile never loads half a file.
  const partial = `${out}.${process.pid}.tmp`;
  const { outputFiles } = await build({
    entryPoints: [join(root, "src/cli/isecg.ts")],
    outfile: out,
    write: false,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // import() of a package left outside becomes require(): each has a CommonJS build, and a script run
    // through vm.Script could reach Node's ES module loader only through an experimental option.
    supported: { "dynamic-import": false },
    // Packages are bundled too: Node's loader takes a sixth of a second to find and read their many
    // files at every start. These stay in node_modules: PGlite reads its WebAssembly beside its own
    // code, resvg is native, the rest load only when first needed (a PDF, a passkey, a mail).
    external: [
      "@electric-sql/pglite",
      "@electric-sql/pglite/*",
      "@resvg/resvg-js",
      "@simplewebauthn/server",
      "esbuild",
      "nodemailer",
      "pdfkit",
      "pg-native",
      "qrcode",
      "tsx",
      "tsx/*",
      "unpdf",
    ],
    banner: { js: 'const isecgBundleAddress = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: "warning",
    plugins: [ownAddress],
  });
  writeFileSync(partial, asciiOnly(outputFiles[0].text));
  renameSync(partial, out);
  rmSync(cacheOf(out), { force: true });
  return out;
}
