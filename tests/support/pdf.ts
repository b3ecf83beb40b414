import PDFDocument from "pdfkit";

/** A small real PDF whose pages hold the given texts. */
export async function makePdf(pages: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.text(text);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
