/** A parsed XML element: enough to check feeds and sitemaps in tests. */
export type XmlElement = {
  name: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
};

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(";")) throw new Error(`Bare '&' near offset ${at}`);
    if (name in entities) return entities[name]!;
    const num = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
    if (num) return String.fromCodePoint(Number(name[1] === "x" ? `0${name.slice(1)}` : name.slice(1)));
    throw new Error(`Unknown entity &${name}; near offset ${at}`);
  });
}

/**
 * A strict, small XML parser: refuses mismatched or unclosed tags, stray '<', bare '&' and
 * unknown entities, i.e. what makes a feed reader give up. No DTDs, no namespaces resolution.
 */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const text = source.replace(/^\uFEFF/, "");
  if (text.startsWith("<?xml")) i = text.indexOf("?>") + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt === -1 ? text.length : lt);
    if (stack.length) {
      if (chunk) stack.at(-1)!.children.push(decode(chunk, i));
    } else if (chunk.trim()) throw new Error(`Text outside the root at ${i}`);
    if (lt === -1) break;
    const gt = text.indexOf(">", lt);
    if (gt === -1) throw new Error(`Unclosed tag at ${lt}`);
    const tag = text.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const open = stack.pop();
      if (!open || open.name !== tag.slice(1).trim())
        throw new Error(`Mismatched </${tag.slice(1)}> at ${lt} (open: ${open?.name})`);
      if (stack.length === 0) root = open;
      continue;
    }
    const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)$/.exec(
      tag,
    );
    if (!m) throw new Error(`Bad tag <${tag}> at ${lt}`);
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[a[1]!] = decode(a[2] ?? a[3] ?? "", lt);
    const el: XmlElement = { name: m[1]!, attrs, children: [] };
    if (root) throw new Error("More than one root element");
    if (stack.length) stack.at(-1)!.children.push(el);
    if (m[3] === "/") {
      if (stack.length === 0) root = el;
    } else stack.push(el);
  }
  if (stack.length) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  if (!root) throw new Error("No root element");
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    out.push(...findAll(c, name));
  }
  return out;
}

/** The text inside an element. */
export const textOf = (el: XmlElement | undefined): string =>
  el ? el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("") : "";
