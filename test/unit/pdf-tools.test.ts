/**
 * The PDF checks the export's tests rely on (test/support/pdf-tools.ts), run on small files made
 * here with pdfkit: each check is seen to pass on a file that has the thing and to fail on one
 * that lacks it, so a green export test means the export has it.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import {
  findAll,
  headingOrderProblems,
  headingsInOrder,
  pageInk,
  pageIsBlank,
  parsePgm,
  pdfFonts,
  pdfInfo,
  pdfStructure,
  pdfText,
} from '../support/pdf-tools.ts';

const notoSans = readFileSync('node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');

/** pdfkit's own options beyond what @types/pdfkit knows: PDF/UA and no default font. */
type Options = Omit<PDFKit.PDFDocumentOptions, 'font' | 'subset'> & { font?: string | null; subset?: string };

/** A whole PDF from pdfkit: `draw` fills it, then it is ended and its bytes collected. */
function makePdf(options: Options, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument(options as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return ended;
}

const taggedOptions: Options = {
  tagged: true,
  subset: 'PDF/UA',
  lang: 'en-GB',
  displayTitle: true,
  info: { Title: 'Outpatients journey' },
  font: null,
  size: 'A4',
};

/** What a good export looks like in small: tagged, embedded font, bookmarks, headings in order. */
const tagged = () =>
  makePdf(taggedOptions, (doc) => {
    doc.registerFont('Noto', notoSans).font('Noto');
    doc.addStructure(doc.struct('H1', {}, () => doc.text('Outpatients journey')));
    const stage = doc.struct('Sect');
    doc.addStructure(stage);
    stage.add(doc.struct('H2', {}, () => doc.text('Arriving')));
    stage.add(doc.struct('H3', {}, () => doc.text('Parking')));
    stage.add(doc.struct('P', {}, () => doc.text('Crème brûlée, Ωμέγα, Привет: the meters take coins only.')));
    stage.add(doc.struct('P', { lang: 'cy' }, () => doc.text('Croeso')));
    stage.add(doc.struct('Figure', { alt: 'Feelings fall at parking.' }, () => doc.moveTo(60, 300).lineTo(300, 400).stroke()));
    const table = doc.struct('Table');
    stage.add(table);
    const row = doc.struct('TR');
    table.add(row);
    row.add(doc.struct('TH', {}, () => doc.text('Touchpoint')));
    row.add(doc.struct('TD', {}, () => doc.text('Parking')));
    table.end();
    row.end();
    stage.end();
    // A bookmark goes to the page it is added on.
    doc.outline.addItem('Arriving').addItem('Parking');
    doc.addPage({ size: 'A4', layout: 'landscape' });
    doc.addStructure(doc.struct('H2', {}, () => doc.text('Waiting')));
    doc.outline.addItem('Waiting');
  });

/** The same words with none of it: not tagged, a standard font left out of the file, no bookmarks. */
const untagged = () =>
  makePdf({ size: 'letter' }, (doc) => {
    doc.font('Helvetica');
    doc.text('Outpatients journey').text('Arriving').text('Parking');
    doc.moveTo(60, 300).lineTo(300, 400).stroke();
  });

/** Tagged, but the headings go H1 → H3 and the figure has no alternative text. */
const badlyTagged = () =>
  makePdf(taggedOptions, (doc) => {
    doc.registerFont('Noto', notoSans).font('Noto');
    doc.addStructure(doc.struct('H1', {}, () => doc.text('Outpatients journey')));
    doc.addStructure(doc.struct('H3', {}, () => doc.text('Parking')));
    doc.addStructure(doc.struct('Figure', {}, () => doc.moveTo(60, 300).lineTo(300, 400).stroke()));
  });

describe('pdfText', () => {
  it('gives the text in UTF-8, accents, Greek and Cyrillic included, and fails to find what is not there', async () => {
    const text = await pdfText(await tagged());
    expect(text).toContain('Crème brûlée, Ωμέγα, Привет: the meters take coins only.');
    expect(text.indexOf('Arriving')).toBeLessThan(text.indexOf('Parking'));
    expect(text.split('\f').length - 1).toBe(2); // one form feed per page
    expect(await pdfText(await tagged(), { firstPage: 2 })).not.toContain('Arriving');
    expect(await pdfText(await untagged())).not.toContain('Ωμέγα');
  });

  it('keeps side-by-side words on one line with layout', async () => {
    const pdf = await makePdf({ font: null } as Options, (doc) => {
      doc.registerFont('Noto', notoSans).font('Noto');
      doc.text('Left', 72, 100, { lineBreak: false }).text('Right', 400, 100, { lineBreak: false });
    });
    expect(await pdfText(pdf, { layout: true })).toMatch(/Left {2,}Right/);
    expect(await pdfText(pdf)).not.toMatch(/Left {2,}Right/);
  });
});

describe('pdfFonts', () => {
  it('says the font is embedded, a subset and mapped to Unicode, and says so when it is not', async () => {
    expect(await pdfFonts(await tagged())).toEqual([
      { name: expect.stringMatching(/^[A-Z]{6}\+NotoSans-Regular$/), type: 'CID TrueType', encoding: 'Identity-H', embedded: true, subset: true, unicode: true },
    ]);
    const standard = await pdfFonts(await untagged());
    expect(standard).toHaveLength(1);
    expect(standard[0]).toMatchObject({ name: 'Helvetica', type: 'Type 1', embedded: false, subset: false });
    expect(standard.every((font) => font.embedded)).toBe(false);
  });
});

describe('pdfInfo', () => {
  it('reads page count, title, tagging and every page size', async () => {
    const info = await pdfInfo(await tagged());
    expect(info).toMatchObject({ pages: 2, title: 'Outpatients journey', tagged: true, encrypted: false });
    expect(info.pageSize).toMatchObject({ width: 595.28, height: 841.89, paper: 'A4', rotation: 0 });
    expect(info.pageSizes.map((size) => [size.width, size.height])).toEqual([[595.28, 841.89], [841.89, 595.28]]);
  });

  it('says untagged and untitled when the file is', async () => {
    const info = await pdfInfo(await untagged());
    expect(info).toMatchObject({ pages: 1, tagged: false, pageSize: { width: 612, height: 792, paper: 'letter' } });
    expect(info.title).toBeUndefined();
  });
});

describe('pdfStructure', () => {
  it('reads language, window title, marking, bookmarks and the structure tree in order', async () => {
    const found = await pdfStructure(await tagged());
    expect(found).toMatchObject({ lang: 'en-GB', displayDocTitle: true, marked: true });
    expect(found.outlineTitles).toEqual(['Arriving', 'Parking', 'Waiting']);
    expect(found.outline.map((item) => [item.title, item.page, item.children.map((child) => child.title)])).toEqual([
      ['Arriving', 1, ['Parking']],
      ['Waiting', 2, []],
    ]);
    const tree = found.structure!;
    expect(tree.type).toBe('StructTreeRoot');
    expect(tree.children.map((node) => node.type)).toEqual(['H1', 'Sect', 'H2']);
    expect(tree.children[1]!.children.map((node) => node.type)).toEqual(['H2', 'H3', 'P', 'P', 'Figure', 'Table']);
    expect(findAll(tree, 'Figure')).toEqual([expect.objectContaining({ alt: 'Feelings fall at parking.', markedContent: 1 })]);
    expect(findAll(tree, 'P')[1]!.lang).toBe('cy');
    expect(findAll(tree, 'TH')).toHaveLength(1);
    expect(findAll(findAll(tree, 'Table')[0]!, 'TD')).toHaveLength(1);
    // Every leaf owns the content it tagged: 9 leaves, one sequence each (the table's rows own none).
    expect(found.markedContentTotal).toBe(9);
    expect(findAll(tree, 'TR')[0]!.markedContent).toBe(0);
  });

  it('finds none of it in an untagged file', async () => {
    const found = await pdfStructure(await untagged());
    expect(found).toEqual({ displayDocTitle: false, marked: false, outline: [], outlineTitles: [], structure: null, markedContentTotal: 0 });
    expect(findAll(found.structure, 'Figure')).toEqual([]);
    expect(headingsInOrder(found.structure)).toEqual([]);
  });

  it('says no where the file says false, not only where it says nothing', async () => {
    // pdfkit only ever writes true; a file can say false, so the test writes it through pdfkit's catalog.
    const pdf = await makePdf(taggedOptions, (doc) => {
      doc.registerFont('Noto', notoSans).font('Noto');
      doc.addStructure(doc.struct('P', {}, () => doc.text('Parking')));
      const catalog = (doc as unknown as { _root: { data: Record<string, { data: Record<string, unknown> }> } })._root.data;
      catalog['ViewerPreferences']!.data['DisplayDocTitle'] = false;
      catalog['MarkInfo']!.data['Marked'] = false;
    });
    expect(await pdfStructure(pdf)).toMatchObject({ lang: 'en-GB', displayDocTitle: false, marked: false, markedContentTotal: 1 });
  });

  it('tells a figure without alternative text and a skipped heading level', async () => {
    const tree = (await pdfStructure(await badlyTagged())).structure;
    expect(findAll(tree, 'Figure')[0]!.alt).toBeUndefined();
    expect(headingsInOrder(tree)).toEqual(['H1', 'H3']);
    expect(headingOrderProblems(headingsInOrder(tree))).toEqual(['heading 2 goes from H1 to H3']);
  });
});

describe('heading order', () => {
  it('passes headings in order, returns up any number of levels, and names each skip', async () => {
    const good = headingsInOrder((await pdfStructure(await tagged())).structure);
    expect(good).toEqual(['H1', 'H2', 'H3', 'H2']);
    expect(headingOrderProblems(good)).toEqual([]);
    expect(headingOrderProblems(['H1', 'H2', 'H3', 'H4', 'H2', 'H3', 'H1'])).toEqual([]);
    expect(headingOrderProblems(['H2', 'H3'])).toEqual(['the first heading is H2, not H1']);
    expect(headingOrderProblems(['H1', 'H2', 'H4', 'H2', 'H5'])).toEqual([
      'heading 3 goes from H2 to H4',
      'heading 5 goes from H2 to H5',
    ]);
  });
});

describe('pageIsBlank', () => {
  it('tells a blank page from one with a few words on it', async () => {
    const pdf = await makePdf({ font: null, size: 'A4' } as Options, (doc) => {
      doc.registerFont('Noto', notoSans).font('Noto');
      doc.addPage();
      doc.fontSize(12).text('Arriving: parking');
    });
    expect(await pageInk(pdf, 1)).toBe(0);
    expect(await pageIsBlank(pdf, 1)).toBe(true);
    const ink = await pageInk(pdf, 2);
    expect(ink).toBeGreaterThan(0.001);
    expect(ink).toBeLessThan(0.05);
    expect(await pageIsBlank(pdf, 2)).toBe(false);
  });

  it('reads 8-bit and 16-bit PGM with comments in the header', () => {
    const eight = new Uint8Array([...Buffer.from('P5\n# made by hand\n3 2\n255\n'), 255, 0, 128, 255, 255, 1]);
    expect(parsePgm(eight)).toEqual({ width: 3, height: 2, maxValue: 255, pixels: [255, 0, 128, 255, 255, 1] });
    const sixteen = new Uint8Array([...Buffer.from('P5 2 1 65535\n'), 0xff, 0xff, 0x01, 0x02]);
    expect(parsePgm(sixteen).pixels).toEqual([65535, 258]);
    expect(() => parsePgm(new Uint8Array(Buffer.from('P6\n1 1\n255\n\0\0\0')))).toThrow(/not a binary PGM/);
    expect(() => parsePgm(new Uint8Array(Buffer.from('P5\n2 2\n255\n\0')))).toThrow(/shorter/);
  });
});
