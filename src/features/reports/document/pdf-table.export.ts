import type { PdfContext } from "./pdf-figures.export.js";
import { FONT } from "./pdf-fonts.export.js";

const LEFT = 64;
const PAD = 4;
const BOTTOM = 72;

/**
 * Says that a header cell heads its column: PDF/UA wants a Scope on every TH of a table without
 * header ids. pdfkit has no option for table attributes, so the entry goes into its dictionary.
 */
function headsColumn(th: PDFKit.PDFStructureElement) {
  const el = th as unknown as { dictionary: { data: Record<string, unknown> } };
  el.dictionary.data.A = { O: "Table", Scope: "Column" };
}

/**
 * A table that splits cleanly: rows never break across pages, and the header row is repeated at the
 * top of each page the table continues on. `widths` fixes the first columns; 0 or missing share the rest.
 */
export function drawTable(ctx: PdfContext, head: string[], rows: string[][], widths: number[] = []) {
  const { pdf } = ctx;
  const total = pdf.page.width - LEFT * 2;
  const fixed = widths.filter((w) => w > 0).reduce((a, b) => a + b, 0);
  const flexible = head.length - widths.filter((w) => w > 0).length;
  const cols = head.map((_, i) => (widths[i] ? widths[i]! : (total - fixed) / flexible));
  const table = pdf.struct("Table");
  ctx.root.add(table);
  const rowHeight = (cells: string[], bold: boolean) => {
    pdf.font(bold ? FONT.bold : FONT.regular).fontSize(9.5);
    return (
      Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: cols[i]! - PAD * 2 }))) + PAD * 2
    );
  };
  const drawRow = (cells: string[], header: boolean) => {
    const h = rowHeight(cells, header);
    const y = pdf.y;
    if (header) {
      pdf.markContent("Artifact", { type: "Layout" });
      pdf.rect(LEFT, y, total, h).fill("#e8eef5");
      pdf.endMarkedContent();
    }
    const tr = pdf.struct("TR");
    table.add(tr);
    let x = LEFT;
    cells.forEach((c, i) => {
      const cx = x;
      const cell = pdf.struct(header ? "TH" : "TD", {}, () => {
        pdf
          .font(header ? FONT.bold : FONT.regular)
          .fontSize(9.5)
          .fillColor("#1a1a1a");
        pdf.text(c, cx + PAD, y + PAD, { width: cols[i]! - PAD * 2 });
      });
      if (header) headsColumn(cell);
      tr.add(cell);
      x += cols[i]!;
    });
    tr.end();
    pdf.markContent("Artifact", { type: "Layout" });
    pdf
      .moveTo(LEFT, y + h)
      .lineTo(LEFT + total, y + h)
      .lineWidth(0.5)
      .strokeColor("#b8c4d0")
      .stroke();
    pdf.endMarkedContent();
    pdf.y = y + h;
  };
  const fits = (h: number) => pdf.y + h <= pdf.page.height - BOTTOM;
  if (!fits(rowHeight(head, true) + (rows[0] ? rowHeight(rows[0], false) : 0))) pdf.addPage();
  drawRow(head, true);
  if (rows.length === 0)
    drawRow(
      head.map((_, i) => (i === head.length - 1 ? "None." : "")),
      false,
    );
  for (const r of rows) {
    if (!fits(rowHeight(r, false))) {
      pdf.addPage();
      drawRow(head, true);
    }
    drawRow(r, false);
  }
  table.end();
  pdf.x = LEFT;
  pdf.moveDown(0.8);
}
