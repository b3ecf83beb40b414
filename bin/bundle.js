// The command line as one JavaScript file (.build/isecg.mjs), made by esbuild from src/ and made again
// whenever a source is newer. Node loads one file in a fraction of the time tsx takes to compile five
// hundred modules at every start, and without tsx's compiler in memory (see docs/decisions/0008).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, ".build", "isecg.mjs");
// What the bundle is made of: the sources, the compiler settings, and this file.
const inputs = [join(root, "src"), join(root, "tsconfig.json"), fileURLToPath(import.meta.url)];

/** The newest modification time under `path` (tests excluded: they are not in the bundle). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
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
 * bundle each module's `import.meta.url` becomes its own source file's address again.
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
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        );
      }
      return { contents, loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

/** The bundle's path, made first when missing or older than a source. */
export async function freshBundle() {
  if (isFresh()) return out;
  const { build } = await import("esbuild");
  mkdirSync(dirname(out), { recursive: true });
  // Written aside and renamed, so a process starting meanwhile never loads half a file.
  const partial = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, "src/cli/isecg.ts")],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
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
    // Bundled CommonJS packages (node-postgres) call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as createRequireForPackages } from "node:module"; const require = createRequireForPackages(import.meta.url);',
    },
    logLevel: "warning",
    plugins: [ownAddress],
  });
  renameSync(partial, out);
  return out;
}
