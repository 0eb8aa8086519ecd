/**
 * The export's address and the file's name. The query says only what was chosen (a flag absent
 * means no), as shared/api.ts's exportPdfQuery reads it; only its type is used here, so the page
 * does not carry zod. The name comes from the server's Content-Disposition.
 */
import type { ExportPdfOptions } from '../../../../shared/api.ts';

/** The choices a person starts with: A4, normal print, names in, no comments, stories agreed for sharing only. */
export const defaultExportOptions: ExportPdfOptions = { paper: 'a4', largePrint: false, anonymise: false, comments: false, internal: false };

/** `paper=letter&largePrint=1` and so on, for `GET /api/boards/:id/export.pdf`. */
export function exportQuery(options: ExportPdfOptions): string {
  const query = new URLSearchParams({ paper: options.paper });
  if (options.largePrint) query.set('largePrint', '1');
  if (options.anonymise) query.set('anonymise', '1');
  if (options.comments) query.set('comments', '1');
  if (options.internal) query.set('internal', '1');
  return query.toString();
}

/** Characters no file name may hold on the systems people use. */
const unsafeInName = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The file name from a Content-Disposition header (`filename*=UTF-8''…` before `filename="…"`),
 * or `fallback` when it has none; always ends in .pdf.
 */
export function pdfFileName(contentDisposition: string | null, fallback = 'board.pdf'): string {
  let name: string | null = null;
  const extended = contentDisposition?.match(/filename\*\s*=\s*UTF-8''([^;]+)/i);
  if (extended?.[1] !== undefined) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = contentDisposition?.match(/filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2] ?? null;
  }
  const clean = (name ?? '').replace(unsafeInName, ' ').trim();
  if (clean === '') return fallback;
  return /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
}
