import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The PDF's typeface: Noto Sans (SIL Open Font License), installed with the other dependencies.
 * PDF/UA wants every font embedded, which the standard 14 fonts (Helvetica …) never are; a TrueType
 * font from a package is embedded, subset to the glyphs used, and needs no system fonts.
 */
const files = {
  regular: "400Regular/NotoSans_400Regular.ttf",
  bold: "700Bold/NotoSans_700Bold.ttf",
  italic: "400Regular_Italic/NotoSans_400Regular_Italic.ttf",
} as const;

/** The names the drawing code asks for; `registerFonts` binds them to the files. */
export const FONT = { regular: "Body", bold: "Body-Bold", italic: "Body-Italic" } as const;

type Face = keyof typeof files;
const require = createRequire(import.meta.url);
let loaded: Record<Face, Buffer> | null = null;

/** The font files, read once per process: each render subsets them again, but never rereads them. */
export function fontFiles(): Record<Face, Buffer> {
  loaded ??= {
    regular: readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${files.regular}`)),
    bold: readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${files.bold}`)),
    italic: readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${files.italic}`)),
  };
  return loaded;
}

/** Binds the font names to the embedded files and makes the regular face the current one. */
export function registerFonts(pdf: PDFKit.PDFDocument) {
  const f = fontFiles();
  pdf.registerFont(FONT.regular, f.regular);
  pdf.registerFont(FONT.bold, f.bold);
  pdf.registerFont(FONT.italic, f.italic);
  pdf.font(FONT.regular);
}
