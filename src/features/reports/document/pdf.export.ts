import { type Block, markdownBlocks } from "./blocks.export.js";
import type { ReportDocument } from "./document.queries.js";
import {
  headingText,
  longDate,
  partialDate,
  type RenderOptions,
  reportSections,
  type Section,
  yearFigures,
} from "./outline.export.js";
import {
  drawGrowthChart,
  drawMeetingsFigure,
  meetingsFigureHeight,
  type PdfContext,
} from "./pdf-figures.export.js";
import { FONT, fontFiles, registerFonts } from "./pdf-fonts.export.js";
import { drawTable } from "./pdf-table.export.js";

const MARGIN = { top: 64, bottom: 72, left: 64, right: 64 };
export const ACCENT = "#0b4f8a";
const TEXT = "#1a1a1a";

type Ctx = PdfContext & { sections: Section[]; known: Map<string, number> | null };

const width = (ctx: Ctx) => ctx.pdf.page.width - MARGIN.left - MARGIN.right;

/**
 * Leaves room for `height` points, starting a new page when the rest of this one is too short. A new
 * page starts with the default colour, so callers set their colour after calling this.
 */
export function ensureSpace(ctx: PdfContext, height: number) {
  if (ctx.pdf.y + height > ctx.pdf.page.height - MARGIN.bottom) ctx.pdf.addPage();
}

function paragraph(
  ctx: Ctx,
  text: string,
  parent = ctx.root,
  opts: { size?: number; gap?: number; bold?: boolean } = {},
) {
  const { pdf } = ctx;
  pdf.font(opts.bold ? FONT.bold : FONT.regular).fontSize(opts.size ?? 10.5);
  ensureSpace(ctx, pdf.currentLineHeight(true) * 2);
  pdf.fillColor(TEXT);
  parent.add(
    pdf.struct("P", {}, () => pdf.text(text, MARGIN.left, pdf.y, { width: width(ctx), lineGap: 2.5 })),
  );
  pdf.moveDown(opts.gap ?? 0.6);
}

function bulletList(ctx: Ctx, items: string[], parent = ctx.root) {
  const { pdf } = ctx;
  const list = pdf.struct("L");
  parent.add(list);
  pdf.font(FONT.regular).fontSize(10.5);
  for (const item of items) {
    ensureSpace(ctx, pdf.currentLineHeight(true) * 2);
    pdf.fillColor(TEXT);
    const y = pdf.y;
    const li = pdf.struct("LI");
    list.add(li);
    li.add(pdf.struct("Lbl", {}, () => pdf.text("•", MARGIN.left + 4, y, { width: 10 })));
    li.add(
      pdf.struct("LBody", {}, () =>
        pdf.text(item, MARGIN.left + 18, y, { width: width(ctx) - 18, lineGap: 2 }),
      ),
    );
    pdf.moveDown(0.3);
  }
  list.end();
  pdf.moveDown(0.4);
}

function subheading(ctx: Ctx, text: string, parent = ctx.root, tag = "H2") {
  const { pdf } = ctx;
  // Room for the heading and what follows it: two lines of text, or a table's header and first row
  // (a table that does not fit moves whole to the next page and would leave the heading behind).
  ensureSpace(ctx, 80);
  pdf.font(FONT.bold).fontSize(11.5).fillColor(ACCENT);
  pdf.moveDown(0.3);
  parent.add(pdf.struct(tag, {}, () => pdf.text(text, MARGIN.left, pdf.y, { width: width(ctx) })));
  pdf.moveDown(0.35);
}

/** Markdown blocks; their headings sit one level below the section they are in (H2 under an H1). */
function blocks(ctx: Ctx, list: Block[], parent = ctx.root, headingTag = "H2") {
  for (const b of list) {
    if (b.kind === "heading") subheading(ctx, b.text, parent, headingTag);
    else if (b.kind === "list") bulletList(ctx, b.items, parent);
    else paragraph(ctx, b.text, parent);
  }
}

/** A numbered heading; records its page for the contents and the PDF outline. */
function heading(ctx: Ctx, id: string, opts: { newPage?: boolean } = {}) {
  const { pdf } = ctx;
  const s = ctx.sections.find((x) => x.id === id)!;
  if (opts.newPage && s.level === 1) pdf.addPage();
  else ensureSpace(ctx, 90);
  ctx.pages.set(id, pdf.bufferedPageRange().start + pdf.bufferedPageRange().count);
  const size = s.level === 1 ? 18 : 13.5;
  pdf.font(FONT.bold).fontSize(size).fillColor(ACCENT);
  const text = headingText(s);
  ctx.root.add(
    pdf.struct(s.level === 1 ? "H1" : "H2", {}, () =>
      pdf.text(text, MARGIN.left, pdf.y, { width: width(ctx) }),
    ),
  );
  pdf.outline.addItem(text);
  pdf.moveDown(s.level === 1 ? 0.8 : 0.5);
}

function cover(ctx: Ctx, doc: ReportDocument) {
  const { pdf } = ctx;
  pdf.markContent("Artifact", { type: "Layout" });
  pdf.rect(0, 0, pdf.page.width, 250).fill(ACCENT);
  pdf.endMarkedContent();
  pdf.fillColor("#ffffff").font(FONT.bold).fontSize(30);
  ctx.root.add(
    pdf.struct("H1", {}, () =>
      pdf.text(`Annual Report ${doc.year}`, MARGIN.left, 120, { width: width(ctx) }),
    ),
  );
  pdf.font(FONT.regular).fontSize(13);
  ctx.root.add(
    pdf.struct("P", {}, () => pdf.text(doc.forum.name, MARGIN.left, pdf.y + 8, { width: width(ctx) })),
  );
  pdf.y = 290;
  if (doc.status === "draft") paragraph(ctx, "Draft – not published.", ctx.root, { size: 12 });
  blocks(ctx, markdownBlocks(doc.texts.introduction || doc.forum.purpose));
}

function contents(ctx: Ctx) {
  const { pdf } = ctx;
  pdf.addPage();
  pdf.font(FONT.bold).fontSize(18).fillColor(ACCENT);
  ctx.root.add(pdf.struct("H1", {}, () => pdf.text("Contents", MARGIN.left, pdf.y, { width: width(ctx) })));
  pdf.moveDown(0.8);
  const toc = pdf.struct("TOC");
  ctx.root.add(toc);
  for (const s of ctx.sections) {
    const page = ctx.known?.get(s.id);
    const indent = s.level === 1 ? 0 : 18;
    pdf
      .font(s.level === 1 ? FONT.bold : FONT.regular)
      .fontSize(11)
      .fillColor(TEXT);
    const y = pdf.y;
    toc.add(
      pdf.struct("TOCI", {}, () => {
        pdf.text(headingText(s), MARGIN.left + indent, y, { width: width(ctx) - indent - 40 });
        pdf.text(page ? String(page) : "", MARGIN.left, y, { width: width(ctx), align: "right" });
      }),
    );
    pdf.moveDown(0.45);
  }
  toc.end();
}

/** The height a bullet list will take, measured with the font and widths `bulletList` uses. */
function listHeight(ctx: Ctx, items: string[]) {
  const { pdf } = ctx;
  pdf.font(FONT.regular).fontSize(10.5);
  const gap = pdf.currentLineHeight(true) * 0.3;
  return items.reduce((h, i) => h + pdf.heightOfString(i, { width: width(ctx) - 18, lineGap: 2 }) + gap, 0);
}

function figures(ctx: Ctx, doc: ReportDocument) {
  const items = yearFigures(doc).map((f) => f.text);
  const figure = doc.data.meetings.length > 0 ? meetingsFigureHeight(doc) : 0;
  // The heading, its list and the figure that illustrates it share a page: a figure alone at the top
  // of the next page reads as stray.
  ensureSpace(ctx, 60 + listHeight(ctx, items) + figure);
  heading(ctx, "year-in-figures");
  bulletList(ctx, items);
  if (doc.data.meetings.length > 0) drawMeetingsFigure(ctx, doc);
}

function outlook(ctx: Ctx, doc: ReportDocument) {
  heading(ctx, "outlook", { newPage: true });
  if (doc.outlooks.length === 0) paragraph(ctx, "No outlook has been written yet.");
  for (const o of doc.outlooks) {
    const section = ctx.pdf.struct("Sect");
    ctx.root.add(section);
    subheading(ctx, o.acronym ? `${o.title} (${o.acronym})` : o.title, section);
    blocks(ctx, markdownBlocks(o.body), section, "H3");
    section.end();
  }
}

function annexPublications(ctx: Ctx, doc: ReportDocument) {
  const d = doc.data;
  heading(ctx, "annex-publications", { newPage: true });
  // Titles only, as the printed report lists them: some news is dated by its year alone.
  subheading(ctx, `Web news ${doc.year}`);
  if (d.news.length)
    bulletList(
      ctx,
      d.news.map((n) => n.title),
    );
  else paragraph(ctx, "None.");
  subheading(ctx, `Publications ${doc.year}`);
  drawTable(
    ctx,
    ["Date", "Title"],
    d.publications.map((p) => [partialDate(p.date, p.precision), p.title]),
    [110],
  );
  if (d.majorDocuments.length > 0) {
    subheading(ctx, "Major documents");
    bulletList(
      ctx,
      d.majorDocuments.map((m) => m.title),
    );
  }
}

function annexMembers(ctx: Ctx, doc: ReportDocument) {
  const d = doc.data;
  heading(ctx, "annex-members", { newPage: true });
  paragraph(ctx, `${d.members.total} organisations were members of the forum on ${longDate(d.membersAsOf)}.`);
  // The chart goes before the table: the table splits cleanly over pages, the chart after it would
  // be left alone on a page of its own.
  if (d.growth.length > 0) drawGrowthChart(ctx, doc);
  drawTable(
    ctx,
    ["Country", "Organisation", "Acronym"],
    d.members.byCountry.flatMap((c) =>
      c.members.map((m, i) => [i === 0 ? c.country : "", m.name, m.acronym]),
    ),
    [130, 0, 90],
  );
}

function annexGroups(ctx: Ctx, doc: ReportDocument) {
  heading(ctx, "annex-groups", { newPage: true });
  for (const g of doc.data.workingGroups) {
    const section = ctx.pdf.struct("Sect");
    ctx.root.add(section);
    subheading(ctx, g.acronym ? `${g.title} (${g.acronym})` : g.title, section);
    blocks(ctx, markdownBlocks(g.purpose), section, "H3");
    section.end();
  }
}

function annexGlance(ctx: Ctx, doc: ReportDocument) {
  const f = doc.forum;
  heading(ctx, "annex-glance", { newPage: true });
  blocks(ctx, markdownBlocks(f.purpose));
  subheading(ctx, "Principles");
  for (const p of f.principles) {
    paragraph(ctx, p.title, ctx.root, { gap: 0.2, bold: true });
    bulletList(ctx, p.points);
  }
  subheading(ctx, "Background");
  blocks(ctx, markdownBlocks(f.background));
  if (f.gesThemes.length > 0) bulletList(ctx, f.gesThemes);
  subheading(ctx, "Contact");
  paragraph(ctx, [f.secretariat.name, ...f.secretariat.address, f.secretariat.email].join("\n"));
}

function annexParticipation(ctx: Ctx, doc: ReportDocument) {
  heading(ctx, "annex-participation", { newPage: true });
  paragraph(
    ctx,
    `Per member agency: meetings attended in ${doc.year}, review rounds answered (of ${doc.data.roundsInYear} held), and actions owned and closed.`,
  );
  drawTable(
    ctx,
    ["Agency", "Meetings attended", "Rounds answered", "Actions owned", "Actions closed"],
    doc.data.participation.map((p) => [
      p.agency,
      String(p.meetingsAttended),
      String(p.roundsAnswered),
      String(p.actionsOwned),
      String(p.actionsClosed),
    ]),
    [110],
  );
}

/** The running footer on every page but the cover, drawn as a pagination artifact (not read aloud). */
function footers(ctx: Ctx, doc: ReportDocument) {
  const { pdf } = ctx;
  const range = pdf.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    pdf.font(FONT.regular).fontSize(8.5).fillColor("#555555");
    const y = pdf.page.height - 44;
    pdf.text(`${doc.forum.acronym} Annual Report ${doc.year}`, MARGIN.left, y, { lineBreak: false });
    pdf.text(`${i + 1}`, MARGIN.left, y, { width: width(ctx), align: "right", lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * Options pdfkit reads but its type definitions do not list yet: the PDF/UA conformance mark, and the
 * starting font as a file (without it pdfkit opens Helvetica, a standard font never embedded).
 */
const untypedOptions = () =>
  ({ subset: "PDF/UA", font: fontFiles().regular }) as unknown as PDFKit.PDFDocumentOptions;

async function render(doc: ReportDocument, opts: RenderOptions, known: Map<string, number> | null) {
  const title = `${doc.forum.acronym} Annual Report ${doc.year}`;
  // Loaded for the first PDF, not at start: pdfkit and its fonts take a sixth of a second to load.
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    bufferPages: true,
    ...untypedOptions(),
    info: { Title: title, Author: doc.forum.name, Subject: `The forum's report on ${doc.year}` },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on("end", () => resolve()));
  registerFonts(pdf);
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const ctx: Ctx = { pdf, root, pages: new Map(), sections: reportSections(doc, opts), known };
  cover(ctx, doc);
  contents(ctx);
  heading(ctx, "executive-summary", { newPage: true });
  blocks(
    ctx,
    markdownBlocks(doc.texts["executive-summary"] || "The executive summary has not been written yet."),
  );
  heading(ctx, "highlights", { newPage: true });
  blocks(ctx, markdownBlocks(doc.texts.highlights));
  figures(ctx, doc);
  outlook(ctx, doc);
  heading(ctx, "events", { newPage: true });
  blocks(ctx, markdownBlocks(doc.texts.events || "None recorded."));
  annexPublications(ctx, doc);
  annexMembers(ctx, doc);
  annexGroups(ctx, doc);
  annexGlance(ctx, doc);
  if (opts.statistics) annexParticipation(ctx, doc);
  root.end();
  footers(ctx, doc);
  pdf.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), pages: ctx.pages };
}

/**
 * The report as a printed document: tagged (structure, reading order, language, title, alt text
 * on figures), with a contents page whose page numbers come from a first layout pass.
 */
export async function reportPdf(doc: ReportDocument, opts: RenderOptions): Promise<Uint8Array> {
  const first = await render(doc, opts, null);
  return (await render(doc, opts, first.pages)).bytes;
}
