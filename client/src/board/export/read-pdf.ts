/**
 * Reads the export's body as it streams in: keeps the bytes, counts the pages as they arrive
 * (page-counter.ts) and tells the page now and then, and checks the file came whole (a PDF ends
 * with `%%EOF`; a server that fails part way, or a dropped connection, leaves it short).
 */
import { createPageCounter } from './page-counter.ts';

/** Why reading the body stopped short; export-words.ts puts it in plain words. */
export class PdfCutShort extends Error {
  override readonly name = 'PdfCutShort';
}

export interface ReadPdf {
  blob: Blob;
  /** Pages counted in the file (0 when none could be seen). */
  pages: number;
}

export interface ReadPdfOptions {
  /** Called with the page count as it grows, at most once per `everyMs` (the first at once). */
  onPages?: (pages: number) => void;
  everyMs?: number;
  now?: () => number;
}

const endOfFile = new TextEncoder().encode('%%EOF');
/** How far from the end `%%EOF` may stand (a line break or two, and some writers add more). */
const tailLength = 1024;

/** Whether `tail` holds `%%EOF`. */
function endsPdf(tail: Uint8Array): boolean {
  outer: for (let at = tail.length - endOfFile.length; at >= 0; at--) {
    for (let i = 0; i < endOfFile.length; i++) if (tail[at + i] !== endOfFile[i]) continue outer;
    return true;
  }
  return false;
}

/** Reads `response`'s body to the end. Throws PdfCutShort when it did not arrive whole. */
export async function readPdf(response: Response, options: ReadPdfOptions = {}): Promise<ReadPdf> {
  const { onPages, everyMs = 1000, now = () => performance.now() } = options;
  if (response.body === null) throw new PdfCutShort('the answer had no body');
  const reader = response.body.getReader();
  const counter = createPageCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let tail = new Uint8Array(0);
  let told = 0;
  let toldAt = -Infinity;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      read = await reader.read();
    } catch (cause) {
      throw new PdfCutShort('the connection ended before the file did', { cause });
    }
    if (read.done) break;
    const chunk = read.value;
    chunks.push(chunk);
    const pages = counter.push(chunk);
    const at = now();
    if (pages > told && at - toldAt >= everyMs) {
      told = pages;
      toldAt = at;
      onPages?.(pages);
    }
    if (chunk.length >= tailLength) tail = chunk.slice(-tailLength);
    else {
      const joined = new Uint8Array(tail.length + chunk.length);
      joined.set(tail);
      joined.set(chunk, tail.length);
      tail = joined.slice(-tailLength);
    }
  }
  const pages = counter.finish();
  if (!endsPdf(tail)) throw new PdfCutShort('the file has no end');
  return { blob: new Blob(chunks, { type: 'application/pdf' }), pages };
}
