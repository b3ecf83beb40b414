import type { ReportDocument } from "./document.queries.js";
import { longDate } from "./outline.export.js";
import { FONT } from "./pdf-fonts.export.js";

/** What the PDF's drawing helpers share: the document, its root structure element, heading pages. */
export type PdfContext = {
  pdf: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  pages: Map<string, number>;
};

const LEFT = 64;
const BAR = "#0072b2";
const MUTED = "#555555";

function caption(ctx: PdfContext, text: string) {
  const { pdf } = ctx;
  pdf.font(FONT.italic).fontSize(9).fillColor(MUTED);
  ctx.root.add(
    pdf.struct("Caption", {}, () => pdf.text(text, LEFT, pdf.y, { width: pdf.page.width - LEFT * 2 })),
  );
  pdf.moveDown(0.8);
}

function room(ctx: PdfContext, height: number) {
  if (ctx.pdf.y + height > ctx.pdf.page.height - 72) ctx.pdf.addPage();
}

/** Members at the end of each year as vector bars (certainty is the secretariat's view, not the public report's). */
export function drawGrowthChart(ctx: PdfContext, doc: ReportDocument) {
  const { pdf } = ctx;
  const years = doc.data.growth;
  const W = pdf.page.width - LEFT * 2;
  const H = 190;
  room(ctx, H + 60);
  const top = pdf.y + 10;
  const max = Math.max(...years.map((y) => y.total), 1);
  const band = (W - 30) / years.length;
  const alt = `Bar chart of the number of members at the end of each year from ${years[0]!.year} to ${years.at(-1)!.year}: ${years.map((y) => `${y.year}: ${y.total}`).join(", ")}.`;
  ctx.root.add(
    pdf.struct("Figure", { alt }, () => {
      pdf.lineWidth(0.5).strokeColor("#999999");
      pdf
        .moveTo(LEFT + 30, top + H)
        .lineTo(LEFT + W, top + H)
        .stroke();
      years.forEach((y, i) => {
        const h = (y.total / max) * (H - 20);
        const x = LEFT + 30 + i * band + band * 0.15;
        pdf.rect(x, top + H - h, band * 0.7, h).fill(BAR);
        pdf.font(FONT.regular).fontSize(7).fillColor("#1a1a1a");
        if (y.joined.length > 0 || i === years.length - 1) {
          pdf.text(String(y.total), x - 4, top + H - h - 10, {
            width: band * 0.7 + 8,
            align: "center",
            lineBreak: false,
          });
        }
        if (i % 2 === (years.length - 1) % 2) {
          pdf.text(String(y.year).slice(2), x - 4, top + H + 4, {
            width: band * 0.7 + 8,
            align: "center",
            lineBreak: false,
          });
        }
      });
    }),
  );
  pdf.y = top + H + 20;
  caption(ctx, `Figure 2 – Members at the end of each year (years shown as two digits).`);
}

const MEETING_ROW = 16;

/**
 * A meeting's label on the side of its mark with more room, made smaller when even that side is too
 * narrow, so that it never runs past the margins.
 */
function markLabel(pdf: PDFKit.PDFDocument, label: string, x: number, y: number, W: number) {
  const right = LEFT + W - (x + 8);
  const left = x - 8 - LEFT;
  const room = Math.max(left, right);
  pdf.font(FONT.regular).fontSize(7.5).fillColor("#1a1a1a");
  const natural = pdf.widthOfString(label);
  const size = natural > room ? Math.max(5.5, (7.5 * room) / natural) : 7.5;
  pdf.fontSize(size);
  const w = pdf.widthOfString(label);
  const lx = natural <= right || right >= left ? x + 8 : x - 8 - w;
  pdf.rect(lx - 1, y - 1, w + 2, 10).fill("#ffffff");
  pdf.fillColor("#1a1a1a");
  pdf.text(label, lx, y + (7.5 - size) / 2, { lineBreak: false });
}

/** The room the meetings figure takes with its caption, so the text introducing it can keep it company. */
export function meetingsFigureHeight(doc: ReportDocument) {
  return 30 + doc.data.meetings.length * MEETING_ROW + 50;
}

/** The year's meetings on a month axis, as vector marks with their dates and places. */
export function drawMeetingsFigure(ctx: PdfContext, doc: ReportDocument) {
  const { pdf } = ctx;
  const meetings = doc.data.meetings;
  const W = pdf.page.width - LEFT * 2;
  const rowH = MEETING_ROW;
  const H = 30 + meetings.length * rowH;
  room(ctx, meetingsFigureHeight(doc));
  const top = pdf.y + 6;
  const axisY = top + 14;
  const xOf = (iso: string) => {
    const m = Number(iso.slice(5, 7)) - 1;
    const d = Number(iso.slice(8, 10)) || 15;
    return LEFT + ((m + (d - 1) / 31) / 12) * W;
  };
  const alt = `Timeline of the ${meetings.length} meetings of ${doc.year}: ${meetings.map((m) => `${m.title}, ${longDate(m.date)}${m.place ? `, ${m.place}` : ""}`).join("; ")}.`;
  ctx.root.add(
    pdf.struct("Figure", { alt }, () => {
      pdf
        .lineWidth(0.5)
        .strokeColor("#999999")
        .moveTo(LEFT, axisY)
        .lineTo(LEFT + W, axisY)
        .stroke();
      pdf.font(FONT.regular).fontSize(7).fillColor(MUTED);
      "JFMAMJJASOND".split("").forEach((m, i) => {
        pdf.text(m, LEFT + (i / 12) * W, top, { width: W / 12, align: "center", lineBreak: false });
      });
      meetings.forEach((m, i) => {
        const x = xOf(m.date);
        const y = axisY + 10 + i * rowH;
        pdf
          .lineWidth(0.5)
          .strokeColor("#cccccc")
          .moveTo(x, axisY)
          .lineTo(x, y + 4)
          .stroke();
      });
      // Marks and labels after every leader line, so that a later meeting's line never crosses a label.
      meetings.forEach((m, i) => {
        const x = xOf(m.date);
        const y = axisY + 10 + i * rowH;
        if (m.kind === "sam_meeting") pdf.circle(x, y + 4, 3.5).fill("#d55e00");
        else pdf.rect(x - 3.5, y + 0.5, 7, 7).fill(BAR);
        markLabel(pdf, `${m.title} (${longDate(m.date)})`, x, y, W);
      });
    }),
  );
  pdf.y = top + H + 8;
  caption(
    ctx,
    `Figure 1 – Meetings of ${doc.year}. Circles: meetings of the heads of agency delegations; squares: workshops and other meetings.`,
  );
}
