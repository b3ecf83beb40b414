import { parseSections } from "../../../domain/sections.js";
import { markdownToPlain } from "../../../web/markdown.js";

const MARGIN = 64;
const ACCENT = "#0b4f8a";
const TEXT = "#1a1a1a";

/** The stamp every endorsed PDF carries, on its first page and at the foot of each page. */
export const pdfStamp = (v: { number: number; sha256: string }) => ({
  line: `Endorsed text: version ${v.number}`,
  hash: `SHA-256 ${v.sha256}`,
});

export type ProductPdfInput = {
  title: string;
  description: string;
  body: string;
  version: { number: number; sha256: string };
  endorsedOn: string;
};

/**
 * The PDF of an endorsed product: its agreed text with numbered headings, stamped with the version
 * number and the SHA-256 of the text so a reader of the file can check it is what was agreed.
 */
export async function productPdf(p: ProductPdfInput): Promise<Uint8Array> {
  // Loaded for the first PDF, not at start: pdfkit and its fonts take a sixth of a second to load.
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 24, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: p.title, Subject: pdfStamp(p.version).line },
    lang: "en",
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => pdf.on("end", () => resolve()));
  writeContent(pdf, p);
  stampPages(pdf, p.version);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function writeContent(pdf: PDFKit.PDFDocument, p: ProductPdfInput) {
  const stamp = pdfStamp(p.version);
  pdf.font("Helvetica-Bold").fontSize(20).fillColor(ACCENT).text(p.title);
  pdf.moveDown(0.4);
  pdf.font("Helvetica").fontSize(10).fillColor(TEXT).text(`${stamp.line}, endorsed ${p.endorsedOn}`);
  pdf.font("Courier").fontSize(8).text(stamp.hash);
  pdf.moveDown();
  const paragraph = (text: string) => {
    const plain = markdownToPlain(text).trim();
    if (plain) pdf.font("Helvetica").fontSize(10.5).fillColor(TEXT).text(plain, { lineGap: 2 }).moveDown(0.6);
  };
  paragraph(p.description);
  const doc = parseSections(p.body);
  paragraph(doc.preamble);
  for (const s of doc.sections) {
    pdf
      .font("Helvetica-Bold")
      .fontSize(s.level === 1 ? 14 : 12)
      .fillColor(ACCENT)
      .text(`${s.number} ${s.title}`)
      .moveDown(0.3);
    paragraph(s.body);
  }
}

/** The foot of every page repeats the stamp: a printed page on its own still names its version. */
function stampPages(pdf: PDFKit.PDFDocument, version: { number: number; sha256: string }) {
  const stamp = pdfStamp(version);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN;
    pdf
      .font("Helvetica")
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`${stamp.line}, ${stamp.hash}. Page ${i + 1} of ${range.count}`, MARGIN, y, {
        width: pdf.page.width - 2 * MARGIN,
        lineBreak: false,
      });
  }
}
