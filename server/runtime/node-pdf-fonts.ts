/**
 * The PDF export's fonts on Node: Noto Sans regular and bold, read from the npm package
 * (@expo-google-fonts/noto-sans ships Google Fonts' TTFs) once, at the first export.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { PdfFontFiles, PdfFonts } from '../ports/pdf-fonts.ts';

const require = createRequire(import.meta.url);
const fontFile = (path: string) => require.resolve(`@expo-google-fonts/noto-sans/${path}`);

export const nodePdfFonts: PdfFonts = async (): Promise<PdfFontFiles> => {
  const [regular, bold] = await Promise.all([readFile(fontFile('400Regular/NotoSans_400Regular.ttf')), readFile(fontFile('700Bold/NotoSans_700Bold.ttf'))]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
};
