/**
 * The PDF export streams at the reader's pace (server/export/pdf-stream.ts): the file is never
 * made far ahead of what has been read — at most the stream's queue and a piece more — so a big
 * board's file does not pile up in memory behind a slow phone; and a reader that goes away stops
 * the work. Real pdfkit pages of text, read through the web stream the routes answer with.
 */
import { describe, expect, it } from 'vitest';
import { pdfStream } from '../../server/export/pdf-stream.ts';

const pages = 200;
const filler = 'Waiting for the letter that never came, and then for the phone call after it. '.repeat(40);

/** A stream of `pages` pages of text, counting the bytes pdfkit has made and the pages begun. */
function countedStream(highWaterMark: number, onSettled?: () => void) {
  const made = { bytes: 0, pages: 0 };
  const stream = pdfStream(
    { autoFirstPage: false, compress: false },
    async (doc, breathe) => {
      doc.on('data', (chunk: Uint8Array) => (made.bytes += chunk.byteLength));
      for (let page = 0; page < pages; page++) {
        doc.addPage();
        made.pages++;
        doc.text(filler);
        await breathe();
      }
    },
    (error) => {
      throw error;
    },
    onSettled,
    highWaterMark,
  );
  return { stream, made };
}

describe('the export stream', () => {
  it('makes the file only a little ahead of what has been read', async () => {
    const highWaterMark = 64 * 1024;
    const { stream, made } = countedStream(highWaterMark);
    const reader = stream.getReader();
    let read = 0;
    let furthestAhead = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
      furthestAhead = Math.max(furthestAhead, made.bytes - read);
      // A slow reader: one piece per turn of the event loop, as a slow connection takes them.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(made.pages).toBe(pages);
    expect(read).toBe(made.bytes);
    // The queue, one joined piece (64 KB) and one page's worth on top: never the whole file.
    expect(read).toBeGreaterThan(1_000_000);
    expect(furthestAhead).toBeLessThan(highWaterMark + 64 * 1024 + 20 * 1024);
  });

  it('stops making the file when the reader goes away', async () => {
    let settled!: () => void;
    const finished = new Promise<void>((resolve) => (settled = resolve));
    const { stream, made } = countedStream(16 * 1024, () => settled());
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await finished;
    expect(made.pages).toBeLessThan(pages / 4);
  });
});
