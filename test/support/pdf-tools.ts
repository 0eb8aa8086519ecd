/**
 * Reading a PDF the way a checker would, for the export's tests (issue 14): its text (pdftotext),
 * fonts (pdffonts), document facts (pdfinfo), catalog, bookmarks and structure tree (qpdf --json),
 * and whether a page has anything on it (pdftoppm). The tools are Debian's poppler-utils and qpdf
 * (.ci/run installs them), run on the real file: every call writes the bytes to its own temporary
 * folder, runs the tool with execFile (no shell) and removes the folder again.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** A large export's structure tree as JSON runs to tens of megabytes. */
const maxOutputBytes = 512 * 1024 * 1024;

/** Runs `use` with the PDF written to a fresh folder, which is removed afterwards whatever happens. */
async function withPdfFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-tools-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A tool's standard output; a failure says which tool and what it wrote to standard error. */
async function tool(command: string, args: string[], okExitCodes: number[] = [0]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { encoding: 'utf8', maxBuffer: maxOutputBytes });
    return stdout;
  } catch (error) {
    const failure = error as { code?: number | string; stdout?: string; stderr?: string };
    // qpdf exits 3 when it read the file but warned; the output is still whole.
    if (typeof failure.code === 'number' && okExitCodes.includes(failure.code) && failure.stdout) return failure.stdout;
    throw new Error(`${command} ${args.join(' ')} failed (${failure.code}): ${failure.stderr ?? error}`);
  }
}

// ---------------------------------------------------------------------------------------------
// pdftotext

export interface PdfTextOptions {
  /** Keep the page's physical layout (pdftotext -layout) rather than reading order. */
  layout?: boolean;
  firstPage?: number;
  lastPage?: number;
}

/** The file's text as UTF-8; pages are separated by form feeds (\f), as pdftotext writes them. */
export function pdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<string> {
  return withPdfFile(bytes, (file) => {
    const args = ['-enc', 'UTF-8'];
    if (options.layout) args.push('-layout');
    if (options.firstPage !== undefined) args.push('-f', String(options.firstPage));
    if (options.lastPage !== undefined) args.push('-l', String(options.lastPage));
    return tool('pdftotext', [...args, file, '-']);
  });
}

// ---------------------------------------------------------------------------------------------
// pdffonts

export interface PdfFontRow {
  /** e.g. "BZZZZZ+NotoSans-Regular" (the six letters and + mark a subset). */
  name: string;
  /** e.g. "CID TrueType", "Type 1". */
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  /** Has a ToUnicode map, so text can be copied, searched and read aloud. */
  unicode: boolean;
}

/** One row per font the file uses, as pdffonts lists them. */
export function pdfFonts(bytes: Uint8Array): Promise<PdfFontRow[]> {
  return withPdfFile(bytes, async (file) => parsePdfFonts(await tool('pdffonts', [file])));
}

/** pdffonts prints fixed-width columns (a name or type may hold spaces); the dashed rule gives their edges. */
function parsePdfFonts(output: string): PdfFontRow[] {
  const lines = output.split('\n');
  const ruleIndex = lines.findIndex((line) => /^-+( -+)+\s*$/.test(line));
  if (ruleIndex < 0) throw new Error(`pdffonts printed no table:\n${output}`);
  const columns: Array<[number, number]> = [];
  for (const match of lines[ruleIndex]!.matchAll(/-+/g)) columns.push([match.index, match.index + match[0].length]);
  const cell = (line: string, column: number) => {
    const [start, end] = columns[column]!;
    // The last column runs to the line's end; the others end at their rule.
    return line.slice(start, column === columns.length - 1 ? undefined : end).trim();
  };
  return lines
    .slice(ruleIndex + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => ({
      name: cell(line, 0),
      type: cell(line, 1),
      encoding: cell(line, 2),
      embedded: cell(line, 3) === 'yes',
      subset: cell(line, 4) === 'yes',
      unicode: cell(line, 5) === 'yes',
    }));
}

// ---------------------------------------------------------------------------------------------
// pdfinfo

export interface PdfPageSize {
  /** In points (1/72 inch), after the page's rotation is not applied. */
  width: number;
  height: number;
  /** What pdfinfo calls it when it is a known paper: "A4", "letter"; otherwise undefined. */
  paper?: string;
  /** 0, 90, 180 or 270. */
  rotation: number;
}

export interface PdfInfo {
  pages: number;
  title?: string;
  author?: string;
  producer?: string;
  tagged: boolean;
  encrypted: boolean;
  pdfVersion?: string;
  /** The first page's size, as pdfinfo's "Page size". */
  pageSize: PdfPageSize;
  /** Every page's size in order. */
  pageSizes: PdfPageSize[];
  /** Every line pdfinfo printed, by its label. */
  fields: Record<string, string>;
}

/** The document's facts: page count, title, tagged or not, paper of every page. */
export function pdfInfo(bytes: Uint8Array): Promise<PdfInfo> {
  return withPdfFile(bytes, async (file) => {
    const fields = labelled(await tool('pdfinfo', ['-enc', 'UTF-8', '-isodates', file]));
    const pages = Number(fields['Pages']);
    if (!Number.isInteger(pages)) throw new Error(`pdfinfo gave no page count: ${JSON.stringify(fields)}`);
    const perPage = labelled(await tool('pdfinfo', ['-f', '1', '-l', String(Math.max(pages, 1)), file]));
    const pageSizes: PdfPageSize[] = [];
    for (let page = 1; page <= pages; page++) {
      const size = perPage[`Page ${String(page).padStart(4)} size`];
      const rotation = perPage[`Page ${String(page).padStart(4)} rot`];
      if (size !== undefined) pageSizes.push(parsePageSize(size, rotation));
    }
    const pageSize = fields['Page size'] !== undefined ? parsePageSize(fields['Page size'], fields['Page rot']) : pageSizes[0];
    if (!pageSize) throw new Error(`pdfinfo gave no page size: ${JSON.stringify(fields)}`);
    const text = (label: string) => (fields[label] === undefined || fields[label] === '' ? undefined : fields[label]);
    return {
      pages,
      title: text('Title'),
      author: text('Author'),
      producer: text('Producer'),
      tagged: fields['Tagged'] === 'yes',
      encrypted: (fields['Encrypted'] ?? 'no').startsWith('yes'),
      pdfVersion: text('PDF version'),
      pageSize,
      pageSizes,
      fields,
    };
  });
}

/** "Label:   value" lines; the value starts after the colon and the spaces that pad it. */
function labelled(output: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!] = match[2]!.trimEnd();
  }
  return fields;
}

/** "595.28 x 841.89 pts (A4)" → {width, height, paper}. */
function parsePageSize(size: string, rotation: string | undefined): PdfPageSize {
  const match = /^([\d.]+) x ([\d.]+) pts(?: \(([^)]+)\))?/.exec(size);
  if (!match) throw new Error(`pdfinfo gave a page size it is not read as: ${size}`);
  return {
    width: Number(match[1]),
    height: Number(match[2]),
    ...(match[3] ? { paper: match[3] } : {}),
    rotation: Number(rotation ?? 0) || 0,
  };
}

// ---------------------------------------------------------------------------------------------
// qpdf --json: catalog, bookmarks, structure tree

/** One structure element, with its kids in document order. */
export interface StructNode {
  /** The element's /S without the slash ("H1", "P", "Figure", "TH"); the root is "StructTreeRoot". */
  type: string;
  /** /Alt, the alternative text (a Figure must have one). */
  alt?: string;
  /** /ActualText. */
  actualText?: string;
  /** /Lang, when this element's language differs from the document's. */
  lang?: string;
  /** /T, the element's title. */
  title?: string;
  /** Marked-content sequences this element owns directly (its MCIDs, as integers or /MCR). */
  markedContent: number;
  /** Object references (/OBJR: links, form fields) this element owns directly. */
  objectRefs: number;
  children: StructNode[];
}

export interface OutlineItem {
  title: string;
  /** The page the bookmark goes to, from 1, when qpdf could tell. */
  page?: number;
  children: OutlineItem[];
}

export interface PdfStructure {
  /** The catalog's /Lang (e.g. "en-GB"), or undefined. */
  lang?: string;
  /** /ViewerPreferences /DisplayDocTitle: the window shows the title rather than the file name. */
  displayDocTitle: boolean;
  /** /MarkInfo /Marked: the file says it is tagged. */
  marked: boolean;
  /** The bookmarks as nested in the file. */
  outline: OutlineItem[];
  /** Every bookmark's title, depth first: the order a reader's bookmarks pane lists them. */
  outlineTitles: string[];
  /** The structure tree from /StructTreeRoot, or null when the file has none. */
  structure: StructNode | null;
  /** Marked-content sequences the whole tree refers to. */
  markedContentTotal: number;
}

/** The parts of a file an accessibility checker looks at first, read with qpdf's JSON (version 2). */
export function pdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  return withPdfFile(bytes, async (file) => {
    // Only the objects and the bookmarks; stream data stays out of the JSON.
    const output = await tool(
      'qpdf',
      ['--json=2', '--json-key=qpdf', '--json-key=outlines', '--json-stream-data=none', file],
      [3],
    );
    return readStructure(JSON.parse(output) as QpdfJson);
  });
}

interface QpdfJson {
  qpdf: [unknown, Record<string, { value?: unknown; stream?: { dict?: unknown } }>];
  outlines?: QpdfOutline[];
}
interface QpdfOutline {
  title?: string;
  destpageposfrom1?: number | null;
  kids?: QpdfOutline[];
}
type PdfDict = Record<string, unknown>;

function readStructure(json: QpdfJson): PdfStructure {
  const objects = json.qpdf[1];
  /** A reference ("12 0 R") is replaced by the object it names; anything else is itself. */
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = objects[`obj:${value}`];
      return object?.value ?? object?.stream?.dict ?? null;
    }
    return value;
  };
  const dict = (value: unknown): PdfDict | undefined => {
    const resolved = resolve(value);
    return resolved !== null && typeof resolved === 'object' && !Array.isArray(resolved) ? (resolved as PdfDict) : undefined;
  };

  const trailer = dict(objects['trailer']?.value);
  const catalog = dict(trailer?.['/Root']);
  if (!catalog) throw new Error('qpdf found no catalog (/Root) in the file');

  const outline = (json.outlines ?? []).map(function item(entry): OutlineItem {
    return {
      title: entry.title ?? '',
      ...(typeof entry.destpageposfrom1 === 'number' ? { page: entry.destpageposfrom1 } : {}),
      children: (entry.kids ?? []).map(item),
    };
  });
  const outlineTitles: string[] = [];
  const collect = (items: OutlineItem[]) => items.forEach((item) => (outlineTitles.push(item.title), collect(item.children)));
  collect(outline);

  const root = dict(catalog['/StructTreeRoot']);
  let markedContentTotal = 0;
  const seen = new Set<unknown>();
  /** An element's /K, which is one kid or an array of them, each an MCID, an /MCR, an /OBJR or an element. */
  const readKids = (node: StructNode, kids: unknown) => {
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      const resolved = resolve(kid);
      if (typeof resolved === 'number') {
        node.markedContent++;
        continue;
      }
      const element = dict(resolved);
      if (!element || seen.has(element)) continue;
      seen.add(element);
      if (element['/Type'] === '/MCR') node.markedContent++;
      else if (element['/Type'] === '/OBJR') node.objectRefs++;
      else if (typeof element['/S'] === 'string') node.children.push(readElement(element));
    }
  };
  const readElement = (element: PdfDict): StructNode => {
    const node: StructNode = { type: String(element['/S']).replace(/^\//, ''), markedContent: 0, objectRefs: 0, children: [] };
    const alt = pdfString(resolve(element['/Alt']));
    const actualText = pdfString(resolve(element['/ActualText']));
    const lang = pdfString(resolve(element['/Lang']));
    const title = pdfString(resolve(element['/T']));
    if (alt !== undefined) node.alt = alt;
    if (actualText !== undefined) node.actualText = actualText;
    if (lang !== undefined) node.lang = lang;
    if (title !== undefined) node.title = title;
    readKids(node, element['/K']);
    markedContentTotal += node.markedContent;
    return node;
  };
  let structure: StructNode | null = null;
  if (root) {
    structure = { type: 'StructTreeRoot', markedContent: 0, objectRefs: 0, children: [] };
    readKids(structure, root['/K']);
  }

  const lang = pdfString(resolve(catalog['/Lang']));
  return {
    ...(lang !== undefined ? { lang } : {}),
    displayDocTitle: resolve(dict(catalog['/ViewerPreferences'])?.['/DisplayDocTitle']) === true,
    marked: resolve(dict(catalog['/MarkInfo'])?.['/Marked']) === true,
    outline,
    outlineTitles,
    structure,
    markedContentTotal,
  };
}

/** qpdf writes text strings as "u:text" and others as "b:hex" (PDFDocEncoding, read here as Latin-1). */
function pdfString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** Every element of the given type under `tree` (itself included), in document order. */
export function findAll(tree: StructNode | null, type: string): StructNode[] {
  const found: StructNode[] = [];
  const walk = (node: StructNode) => {
    if (node.type === type) found.push(node);
    node.children.forEach(walk);
  };
  if (tree) walk(tree);
  return found;
}

/** The heading types (H1…H6) in the order a screen reader meets them. */
export function headingsInOrder(tree: StructNode | null): string[] {
  const headings: string[] = [];
  const walk = (node: StructNode) => {
    if (/^H[1-6]$/.test(node.type)) headings.push(node.type);
    node.children.forEach(walk);
  };
  if (tree) walk(tree);
  return headings;
}

/**
 * What is wrong with a heading order, in words; empty when it is right: the first heading is an
 * H1, and each heading is at most one level below the one before it (H2 → H4 skips H3; going back
 * up any number of levels is fine).
 */
export function headingOrderProblems(headings: string[]): string[] {
  const problems: string[] = [];
  let previous = 0;
  headings.forEach((heading, index) => {
    const level = Number(heading.slice(1));
    if (index === 0 && level !== 1) problems.push(`the first heading is ${heading}, not H1`);
    else if (index > 0 && level > previous + 1) problems.push(`heading ${index + 1} goes from H${previous} to ${heading}`);
    previous = level;
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// pdftoppm: is anything on the page?

/** Darker than this (of 255) counts as ink; anti-aliased text at 40 dpi is pale grey, so near white. */
const inkBelow = 245;

/**
 * The share of a page's pixels that are not white (0 = blank, 1 = all ink), from pdftoppm's
 * greyscale rendering at 40 dpi. Page numbers start at 1.
 */
export function pageInk(bytes: Uint8Array, page: number): Promise<number> {
  return withPdfFile(bytes, async (file, dir) => {
    const prefix = join(dir, 'page');
    await tool('pdftoppm', ['-gray', '-r', '40', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
    const image = parsePgm(await readFile(`${prefix}.pgm`));
    const darkest = (inkBelow / 255) * image.maxValue;
    let ink = 0;
    for (const value of image.pixels) if (value < darkest) ink++;
    return ink / image.pixels.length;
  });
}

/** True when nothing (or next to nothing: under `threshold` of its pixels) is drawn on the page. */
export async function pageIsBlank(bytes: Uint8Array, page: number, threshold = 0.001): Promise<boolean> {
  return (await pageInk(bytes, page)) < threshold;
}

/** A binary greyscale PGM (P5): "P5", width, height, maxval (with # comments allowed), then pixels. */
export function parsePgm(data: Uint8Array): { width: number; height: number; maxValue: number; pixels: number[] } {
  const header: number[] = [];
  let position = 0;
  const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
  const magic = String.fromCharCode(data[0] ?? 0, data[1] ?? 0);
  if (magic !== 'P5') throw new Error(`not a binary PGM (starts ${JSON.stringify(magic)})`);
  position = 2;
  while (header.length < 3) {
    while (position < data.length && isSpace(data[position]!)) position++;
    if (data[position] === 0x23) {
      while (position < data.length && data[position] !== 0x0a) position++;
      continue;
    }
    const start = position;
    while (position < data.length && !isSpace(data[position]!)) position++;
    const number = Number(Buffer.from(data.subarray(start, position)).toString('latin1'));
    if (!Number.isInteger(number) || number <= 0) throw new Error('PGM header is not width, height and maxval');
    header.push(number);
  }
  position++; // the single whitespace byte after maxval
  const [width, height, maxValue] = header as [number, number, number];
  const bytesPerPixel = maxValue > 255 ? 2 : 1;
  const count = width * height;
  if (data.length - position < count * bytesPerPixel) throw new Error('PGM is shorter than its header says');
  const pixels = new Array<number>(count);
  for (let index = 0; index < count; index++) {
    const at = position + index * bytesPerPixel;
    pixels[index] = bytesPerPixel === 1 ? data[at]! : (data[at]! << 8) | data[at + 1]!;
  }
  return { width, height, maxValue, pixels };
}
