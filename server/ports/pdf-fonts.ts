/**
 * The font files the PDF export embeds (server/export/), given by the runtime: Node reads them
 * from node_modules, the Worker bundles them as data modules. Noto Sans regular and bold
 * (@expo-google-fonts/noto-sans): Latin with its accents, Greek and Cyrillic in one file each.
 */
export interface PdfFontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Resolves the font files; a runtime may read them once and keep them. */
export type PdfFonts = () => Promise<PdfFontFiles>;
