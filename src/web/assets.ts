import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono } from "hono";

const read = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");

const css = read("site.css");
const cssHash = createHash("sha1").update(css).digest("hex").slice(0, 10);
const icon = read("icon.svg");
const passkeys = read("passkeys.js");
const passkeysHash = createHash("sha1").update(passkeys).digest("hex").slice(0, 10);

/** The passkey script's address (content-hashed like the stylesheet). */
export const passkeyScriptUrl = `/assets/passkeys.${passkeysHash}.js`;

/** The stylesheet's address; its content hash in the name lets browsers keep it forever. */
export const stylesheetUrl = `/assets/site.${cssHash}.css`;

/** Routes for the static assets, served from memory with long-lived caching. */
export function assetRoutes() {
  const app = new Hono();
  const immutable = "public, max-age=31536000, immutable";
  app.get(stylesheetUrl, (c) =>
    c.body(css, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": immutable }),
  );
  app.get(passkeyScriptUrl, (c) =>
    c.body(passkeys, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": immutable,
    }),
  );
  app.get("/assets/icon.svg", (c) =>
    c.body(icon, 200, { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }),
  );
  return app;
}
