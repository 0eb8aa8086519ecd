/**
 * A streamed answer gives up on a reader who has stopped reading (server/http/stall-deadline.ts):
 * the PDF maker it wraps is cancelled and its export slot freed, whether the reader never started
 * or stopped part way; a reader who keeps reading gets the whole file and nothing is cancelled.
 * Real pdfkit pages through the export's own stream (server/export/pdf-stream.ts).
 */
import { describe, expect, it } from 'vitest';
import { pdfStream } from '../../server/export/pdf-stream.ts';
import { ReaderStalled, withStallDeadline } from '../../server/http/stall-deadline.ts';

const stallMs = 100;
const filler = 'The letter said nothing about parking, so we went round twice. '.repeat(60);

/** A PDF of `pages` pages, made at its reader's pace; `settled` resolves when its slot would be freed. */
function pdfOf(pages: number) {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const stream = pdfStream(
    { autoFirstPage: false, compress: false },
    async (doc, breathe) => {
      for (let page = 0; page < pages; page++) {
        doc.addPage();
        doc.text(filler);
        await breathe();
      }
    },
    () => undefined,
    settle,
    16 * 1024,
  );
  return { stream, settled };
}

describe('a streamed answer with a stall deadline', () => {
  it('frees the maker when the reader never reads', async () => {
    const { stream, settled } = pdfOf(100);
    const body = withStallDeadline(stream, stallMs);
    await settled;
    await expect(body.getReader().read()).rejects.toBeInstanceOf(ReaderStalled);
  });

  it('frees the maker when the reader stops part way', async () => {
    const { stream, settled } = pdfOf(100);
    const reader = withStallDeadline(stream, stallMs).getReader();
    const first = await reader.read();
    expect(first.value!.byteLength).toBeGreaterThan(0);
    await settled;
    await expect(reader.read()).rejects.toBeInstanceOf(ReaderStalled);
  });

  it('gives a reader who keeps reading, slowly, the whole file, though it takes longer than the deadline', async () => {
    const slowStallMs = 1000;
    const { stream, settled } = pdfOf(16);
    const reader = withStallDeadline(stream, slowStallMs).getReader();
    const pieces: Uint8Array[] = [];
    const started = Date.now();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      pieces.push(next.value);
      // A slow phone: each piece a while after the one before, never as long as the deadline.
      await new Promise((resolve) => setTimeout(resolve, slowStallMs / 8));
    }
    await settled;
    expect(Date.now() - started).toBeGreaterThan(slowStallMs);
    const bytes = Buffer.concat(pieces);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toContain('%%EOF');
  }, 30_000);
});
