/**
 * A pdfkit document as a web ReadableStream (the body both runtimes answer with), made while it is
 * read: pdfkit writes each finished page out at once, and `write` calls `breathe()` between pieces
 * of work, which waits while the reader is behind (the queue holds at most `highWaterMark` bytes)
 * and lets other work run now and then. So a 3,000-touchpoint board's file never sits whole in
 * memory, a slow phone paces the server, and a reader that goes away stops the work at the next
 * breath. pdfkit itself keeps only small bookkeeping per page (its page list and structure tree).
 */
import PDFDocument from 'pdfkit';

/** Thrown at the next breath once the reader has gone away. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled: nobody is reading it any more.');
  }
}

/** Bytes of the file the stream holds before `breathe()` waits for the reader. */
export const defaultHighWaterMark = 256 * 1024;
/** pdfkit writes in pieces of a few bytes; they go out joined into pieces of about this size. */
const pieceBytes = 64 * 1024;
/** Work this long without a pause lets other requests and sockets have a turn. */
const sliceMs = 20;

export type Breathe = () => Promise<void>;

export function pdfStream(
  options: PDFKit.PDFDocumentOptions,
  write: (doc: PDFKit.PDFDocument, breathe: Breathe) => Promise<void>,
  onError: (error: unknown) => void,
  onSettled: () => void = () => {},
  highWaterMark = defaultHighWaterMark,
): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let wake: (() => void) | null = null;
  let cancelled = false;
  let lastPause = Date.now();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;

  const flush = () => {
    if (pendingBytes === 0 || cancelled) return;
    const piece = new Uint8Array(pendingBytes);
    let offset = 0;
    for (const chunk of pending) {
      piece.set(chunk, offset);
      offset += chunk.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    controller.enqueue(piece);
  };

  const breathe: Breathe = async () => {
    if (cancelled) throw new ExportCancelled();
    flush();
    if ((controller.desiredSize ?? 1) <= 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      lastPause = Date.now();
    } else if (Date.now() - lastPause >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastPause = Date.now();
    }
    if (cancelled) throw new ExportCancelled();
  };

  const run = async () => {
    const doc = new PDFDocument(options);
    doc.on('data', (chunk: Uint8Array) => {
      if (cancelled) return;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= pieceBytes) flush();
    });
    const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    await write(doc, breathe);
    doc.end();
    await ended;
    flush();
    if (!cancelled) controller.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // After start() has returned, so the stream exists before the first page is made.
        queueMicrotask(() =>
          run()
            .catch((error: unknown) => {
              if (error instanceof ExportCancelled) return;
              onError(error);
              if (!cancelled) controller.error(error);
            })
            .finally(onSettled),
        );
      },
      pull() {
        const resume = wake;
        wake = null;
        resume?.();
      },
      cancel() {
        cancelled = true;
        const resume = wake;
        wake = null;
        resume?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark }),
  );
}
