/**
 * Tagged text on pdfkit pages, for the board's PDF: headings (with bookmarks), paragraphs and
 * lists, each a structure element in reading order under the document's root, and the page
 * furniture (the footer's page number) marked as an artifact so screen readers skip it.
 *
 * Every element is attached to the tree as soon as it is made and ended as soon as its content is
 * written, so pdfkit writes it out then instead of holding the whole tree to the end.
 *
 * Characters the embedded font lacks (scripts other than Latin, Greek and Cyrillic) are drawn as
 * "?" — a box of nothing would hide that something is missing — while the element's ActualText
 * keeps the real words for screen readers, search and copying; the cover then says so.
 */
import type { Font } from 'fontkit';

/** pdfkit's structure element (its typings lack a name for it). */
export type Struct = ReturnType<PDFKit.PDFDocument['struct']>;

/** Type sizes in points; large print keeps everything at 18 pt or more. */
export interface Typeface {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  lineGap: number;
  /** Space after a paragraph. */
  gap: number;
}

export const regularPrint: Typeface = { body: 11, small: 10, h1: 24, h2: 17, h3: 13, lineGap: 2.5, gap: 5 };
export const largePrint: Typeface = { body: 18, small: 18, h1: 32, h2: 26, h3: 21, lineGap: 4, gap: 8 };

/** Text colour: near-black on white (contrast above 15:1); quieter text is still above 7:1. */
export const ink = '#1a1a1a';
export const quietInk = '#404040';

const fontNames = { regular: 'body', bold: 'body-bold' } as const;
/** Space inside a table's cells. */
const tablePadding = 3;

export interface TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
  /** Indent from the left margin. */
  indent?: number;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly type: Typeface;
  readonly root: Struct;
  readonly #font: Font;
  readonly #placeholder: string;
  #pages = 0;

  constructor(doc: PDFKit.PDFDocument, type: Typeface, fonts: { regular: Font; bold: Font }, footer: string) {
    this.doc = doc;
    this.type = type;
    this.#font = fonts.regular;
    this.#placeholder = fonts.regular.hasGlyphForCodePoint(0xfffd) ? '\uFFFD' : '?';
    // Registered with a family name: pdfkit then finds the font again by name (a table cell asks for
    // the current font by family; without one it would open and compare a new copy per cell).
    doc.registerFont(fontNames.regular, fonts.regular as unknown as ArrayBuffer, fontNames.regular);
    doc.registerFont(fontNames.bold, fonts.bold as unknown as ArrayBuffer, fontNames.bold);
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    doc.on('pageAdded', () => this.#footer(footer));
  }

  /** Pages begun so far. */
  get pages(): number {
    return this.#pages;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The page's full writing height. */
  get pageHeight(): number {
    return this.bottom - this.doc.page.margins.top;
  }

  /** Room left on this page. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  /** A new page (optionally turned to landscape); the first page is made by the document. */
  newPage(layout?: 'portrait' | 'landscape'): void {
    this.doc.addPage({ ...this.#pageOptions(), layout: layout ?? 'portrait' });
  }

  /** Starts a new page unless `height` fits on this one (or would not fit on any page anyway). */
  keep(height: number, layout?: 'portrait' | 'landscape'): void {
    if (height > this.room && this.doc.y > this.doc.page.margins.top + 1) this.newPage(layout);
  }

  /** The text as the font can draw it, and whether anything had to be replaced. */
  printable(text: string): { shown: string; replaced: boolean } {
    let replaced = false;
    let shown = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code < 0x20 || code === 0x20 || this.#font.hasGlyphForCodePoint(code)) shown += char;
      else {
        shown += this.#placeholder;
        replaced = true;
      }
    }
    return { shown, replaced };
  }

  #use(options: TextOptions): PDFKit.PDFDocument {
    return this.doc
      .font(options.bold ? fontNames.bold : fontNames.regular)
      .fontSize(options.size ?? this.type.body)
      .fillColor(options.color ?? ink);
  }

  /** How tall `text` is at this width and style. */
  measure(text: string, options: TextOptions = {}, width = this.width - (options.indent ?? 0)): number {
    this.#use(options);
    return this.doc.heightOfString(this.printable(text).shown, { width, lineGap: this.type.lineGap }) + this.type.gap;
  }

  /** One element of `type` under `parent` holding `text`; its ActualText carries what the font could not show. */
  text(parent: Struct, type: string, text: string, options: TextOptions = {}): Struct {
    const { shown, replaced } = this.printable(text);
    const element = this.doc.struct(type, replaced ? { actual: text } : {});
    parent.add(element);
    const indent = options.indent ?? 0;
    element.add(() => {
      this.#use(options).text(shown, this.doc.page.margins.left + indent, this.doc.y, { width: this.width - indent, lineGap: this.type.lineGap });
    });
    element.end();
    this.doc.moveDown(0).y += this.type.gap;
    return element;
  }

  paragraph(parent: Struct, text: string, options: TextOptions = {}): Struct {
    return this.text(parent, 'P', text, options);
  }

  /** A heading of `level` (1–3), kept with `keepWith` points of what follows; a bookmark when asked. */
  heading(parent: Struct, level: 1 | 2 | 3, text: string, keepWith = 0, bookmark?: PDFKit.PDFOutline): Struct {
    const size = level === 1 ? this.type.h1 : level === 2 ? this.type.h2 : this.type.h3;
    const height = this.measure(text, { bold: true, size });
    // Space above a heading, except at the top of a page; counted in what must fit here.
    const space = () => (level > 1 && this.doc.y > this.doc.page.margins.top + 1 ? this.type.gap * (level === 2 ? 2 : 1) : 0);
    this.keep(space() + height + keepWith);
    this.doc.y += space();
    bookmark?.addItem(text);
    return this.text(parent, `H${level}`, text, { bold: true, size });
  }

  /** A grouping element (Sect, Div) under `parent`, ended by the caller. */
  group(parent: Struct, type: 'Sect' | 'Div' | 'Part'): Struct {
    const element = this.doc.struct(type);
    parent.add(element);
    return element;
  }

  /** A bulleted list of `items` (L > LI > Lbl, LBody), one paragraph each. */
  list(parent: Struct, items: readonly string[], options: TextOptions = {}): void {
    const list = this.doc.struct('L');
    parent.add(list);
    const indent = (options.indent ?? 0) + (options.size ?? this.type.body) * 1.2;
    for (const item of items) {
      const li = this.doc.struct('LI');
      list.add(li);
      this.keep(this.measure(item, options, this.width - indent));
      const y = this.doc.y;
      const label = this.doc.struct('Lbl');
      li.add(label);
      label.add(() => {
        this.#use(options).text('•', this.doc.page.margins.left + (options.indent ?? 0), y, { lineBreak: false });
      });
      label.end();
      this.doc.y = y;
      this.text(li, 'LBody', item, { ...options, indent });
      li.end();
    }
    list.end();
  }

  /**
   * A table under `parent`: a header row of TH cells (scope Column), then `rows`, each with its
   * `rowHeader` cell a TH (scope Row). `widths` in points, one a column, adding up to the width.
   * pdfkit moves a row that does not fit to the next page, but cuts one taller than a page: keep
   * each row's cells short (see {@link PdfWriter.cellHeight}).
   */
  table(parent: Struct, headers: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[], rowHeader: number): void {
    const { doc, type } = this;
    const head = (text: string) => ({ text: this.printable(text).shown, type: 'TH' as const, scope: 'Column', font: { family: fontNames.bold } });
    const data: unknown[][] = [headers.map(head)];
    for (const row of rows) {
      data.push(row.map((cell, index) => (index === rowHeader ? { text: this.printable(cell).shown, type: 'TH', scope: 'Row' } : this.printable(cell).shown)));
    }
    // The header row and the first row together.
    this.keep(Math.max(...headers.map((text, index) => this.cellHeight(text, widths[index]!, true))) + Math.max(0, ...(rows[0] ?? []).map((text, index) => this.cellHeight(text, widths[index]!))));
    doc.font(fontNames.regular).fontSize(type.small).fillColor(ink);
    const table = (doc as unknown as { table(options: unknown): PDFKit.PDFDocument }).table;
    table.call(doc, {
      structParent: parent,
      columnStyles: [...widths],
      defaultStyle: { padding: tablePadding, border: 0.5, borderColor: '#8a8a8a' },
      data,
    });
    doc.x = doc.page.margins.left;
    doc.y += type.gap;
  }

  /** How tall a table cell holding `text` is in a column `width` points wide. */
  cellHeight(text: string, width: number, bold = false): number {
    this.#use({ bold, size: this.type.small });
    return this.doc.heightOfString(this.printable(text).shown, { width: width - tablePadding * 2 }) + tablePadding * 2;
  }

  #pageOptions(): PDFKit.PDFDocumentOptions {
    const { size, margins } = this.doc.options;
    return { size, margins };
  }

  #footer(words: string): void {
    this.#pages++;
    const { doc } = this;
    const [x, y] = [doc.x, doc.y];
    // Large print's footer is 18 pt like everything else; regular print's is the small size.
    const size = this.type.small;
    // A page begun by text or a table flowing on: what is written next must go on in its own
    // font, size and colour, not the footer's.
    const state = doc as unknown as { _fontFamily?: string | null; _fontSize: number; _fillColor?: [string, number?] };
    const [family, fontSize, fill] = [state._fontFamily, state._fontSize, state._fillColor];
    const margins = doc.page.margins;
    const bottom = margins.bottom;
    // Written below the bottom margin: without it for a moment, so pdfkit does not start a page for it.
    margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(fontNames.regular)
      .fontSize(size)
      .fillColor(quietInk)
      .text(`${this.printable(words).shown} · Page ${this.#pages}`, margins.left, doc.page.height - bottom + size * 0.4, { lineBreak: false, width: this.width, height: size * 2, ellipsis: true });
    doc.endMarkedContent();
    if (family) doc.font(family);
    doc.fontSize(fontSize);
    if (fill) doc.fillColor(...fill);
    margins.bottom = bottom;
    doc.x = x;
    doc.y = y;
  }
}
