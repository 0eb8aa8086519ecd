/**
 * The page's side of the PDF export (client/src/board/export/): counting pages while the file
 * streams in — a real pdfkit file cut at every byte, and the `/Type /Pages` root never counted
 * even when its `s` comes in the next chunk — reading a body that arrives whole, cut short or
 * broken off, the query the export's zod schema reads back as the same choices, the file's name,
 * and the words for failures.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { exportPdfQuery, type ExportPdfOptions } from '../../shared/api.ts';
import { ApiError } from '../../client/src/api.ts';
import { createPageCounter } from '../../client/src/board/export/page-counter.ts';
import { PdfCutShort, readPdf } from '../../client/src/board/export/read-pdf.ts';
import { exportQuery, pdfFileName } from '../../client/src/board/export/export-request.ts';
import { failureWords, progressWords, readyWords } from '../../client/src/board/export/export-words.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A real pdfkit file of `pages` pages, as the server's library writes it. */
function pdfkitFile(pages: number): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { Title: 'Test' } });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => done(new Uint8Array(Buffer.concat(parts))));
    doc.on('error', fail);
    for (let page = 1; page <= pages; page++) doc.addPage().text(`Page ${page}: Types of Pages /Type /Page?`);
    doc.end();
  });
}

/** Counts `file` fed in the given chunks. */
function countIn(chunks: Uint8Array[]): number {
  const counter = createPageCounter();
  for (const chunk of chunks) counter.push(chunk);
  return counter.finish();
}

/** A response whose body arrives in these chunks, then ends (or breaks with `error`). */
function streamed(chunks: Uint8Array[], error?: Error): Response {
  let next = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next < chunks.length) controller.enqueue(chunks[next++]!);
        else if (error) controller.error(error);
        else controller.close();
      },
    }),
  );
}

describe('counting pages as the PDF streams in', () => {
  it('counts a real pdfkit file’s pages wherever it is cut in two, and byte by byte', async () => {
    const file = await pdfkitFile(3);
    expect(countIn([file])).toBe(3);
    for (let cut = 0; cut <= file.length; cut++) {
      const count = countIn([file.subarray(0, cut), file.subarray(cut)]);
      if (count !== 3) expect.fail(`cut at byte ${cut} counted ${count} pages`);
    }
    expect(countIn([...file].map((byte) => Uint8Array.of(byte)))).toBe(3);
  });

  it('never counts the page tree’s /Type /Pages, even when its s comes in the next chunk', () => {
    expect(countIn([bytes('<< /Type /Pages /Count 2 >>')])).toBe(0);
    expect(countIn([bytes('<< /Type /Page'), bytes('s /Count 2 >>')])).toBe(0);
    expect(countIn([bytes('<< /Type /Pa'), bytes('ge'), bytes('s >>')])).toBe(0);
    expect(countIn([bytes('<< /Type /Pa'), bytes('ge'), bytes('\n/Parent 1 0 R >>')])).toBe(1);
    // A page at the very end is judged when the file ends, with nothing after it.
    expect(countIn([bytes('x /Type /Page')])).toBe(1);
    expect(countIn([bytes('/Type /Page')])).toBe(1);
    expect(countIn([bytes('/Type /Page /Type /Page\n/Type /Pages')])).toBe(2);
  });

  it('answers the count so far with each chunk', () => {
    const counter = createPageCounter();
    expect(counter.push(bytes('1 0 obj << /Type /Page'))).toBe(0); // not judged until the next byte
    expect(counter.push(bytes(' >> 2 0 obj << /Type /Page >>'))).toBe(2);
    expect(counter.finish()).toBe(2);
  });
});

describe('reading the export’s body', () => {
  it('keeps every byte, counts the pages and tells the count as it grows, at most once a second', async () => {
    const file = await pdfkitFile(4);
    const pageAt = (n: number) => {
      let at = -1;
      for (let i = 0; i < n; i++) at = Buffer.from(file).indexOf('/Type /Page\n', at + 1);
      return at;
    };
    // Chunks ending just after pages 1, 2, 3 (and their next byte), then the rest.
    const cuts = [pageAt(1) + 12, pageAt(2) + 12, pageAt(3) + 12, file.length];
    const chunks = cuts.map((cut, i) => file.subarray(i === 0 ? 0 : cuts[i - 1], cut));
    let clock = 0;
    const times = [0, 400, 1500, 1600, 1700, 1800, 1900];
    const told: number[] = [];
    const read = await readPdf(streamed(chunks), { onPages: (pages) => told.push(pages), now: () => times[clock++] ?? 5000 });
    expect(read.pages).toBe(4);
    expect(new Uint8Array(await read.blob.arrayBuffer())).toEqual(file);
    expect(read.blob.type).toBe('application/pdf');
    // 1 at once; 2 came 0.4 s later (not told); 3 after more than a second.
    expect(told).toEqual([1, 3]);
  });

  it('says a file that stops before its %%EOF, or whose connection breaks, was cut short', async () => {
    const file = await pdfkitFile(2);
    await expect(readPdf(streamed([file.subarray(0, file.length - 200)]))).rejects.toBeInstanceOf(PdfCutShort);
    await expect(readPdf(streamed([file.subarray(0, 500)], new TypeError('network error')))).rejects.toBeInstanceOf(PdfCutShort);
    await expect(readPdf(streamed([file.subarray(0, 100), file.subarray(100)]))).resolves.toMatchObject({ pages: 2 });
  });
});

describe('the export’s address and file name', () => {
  it('asks for exactly the choices made, as the server’s schema reads them', () => {
    for (const paper of ['a4', 'letter'] as const)
      for (const largePrint of [false, true])
        for (const anonymise of [false, true])
          for (const comments of [false, true])
            for (const internal of [false, true]) {
              const options: ExportPdfOptions = { paper, largePrint, anonymise, comments, internal };
              const query = exportQuery(options);
              expect(exportPdfQuery.parse(Object.fromEntries(new URLSearchParams(query)))).toEqual(options);
            }
    expect(exportQuery({ paper: 'letter', largePrint: true, anonymise: true, comments: false, internal: false })).toBe('paper=letter&largePrint=1&anonymise=1');
  });

  it('saves under the server’s file name', () => {
    expect(pdfFileName('attachment; filename="Leaving hospital.pdf"')).toBe('Leaving hospital.pdf');
    expect(pdfFileName(`attachment; filename="Cafe.pdf"; filename*=UTF-8''Caf%C3%A9%20visit.pdf`)).toBe('Café visit.pdf');
    expect(pdfFileName('attachment; filename=map.pdf')).toBe('map.pdf');
    expect(pdfFileName('attachment; filename="a\\"b"')).toBe('a b.pdf');
    expect(pdfFileName('attachment')).toBe('board.pdf');
    expect(pdfFileName(null)).toBe('board.pdf');
  });
});

describe('what the export says', () => {
  it('counts pages in words', () => {
    expect(progressWords(0)).toBe('Preparing your PDF…');
    expect(progressWords(1)).toBe('Preparing your PDF… 1 page so far');
    expect(progressWords(3)).toBe('Preparing your PDF… 3 pages so far');
    expect(readyWords(12)).toBe('Your PDF is ready: 12 pages. Look in your downloads.');
    expect(readyWords(0)).toBe('Your PDF is ready. Look in your downloads.');
  });

  it('gives the server’s message, or says the person seems to be offline', () => {
    const refused = new ApiError({ code: 'forbidden', status: 403, message: 'You are not on this board.' });
    expect(failureWords(refused, true)).toBe('We could not make your PDF. You are not on this board.');
    const unreachable = new ApiError({ code: 'unavailable', status: 0, message: 'We could not reach Common Ground.' });
    expect(failureWords(unreachable, false)).toMatch(/^You seem to be offline/);
    expect(failureWords(new PdfCutShort('the file has no end'), false)).toMatch(/^You seem to be offline/);
    expect(failureWords(new PdfCutShort('the file has no end'), true)).toMatch(/stopped arriving before it was finished/);
  });
});
