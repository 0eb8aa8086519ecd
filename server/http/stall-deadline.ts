/**
 * A response body that gives up on a reader who has stopped reading. A streamed answer made at the
 * reader's pace (the PDF export) holds work and a slot while it waits; a reader that neither reads
 * nor goes away would hold them for ever, and a few such readers would make everyone else's exports
 * wait. When nothing has been read for `stallMs` while more is ready, the inner stream is cancelled
 * (which frees what it holds) and the body ends with an error.
 */
export class ReaderStalled extends Error {
  constructor(stallMs: number) {
    super(`Nothing was read for ${Math.round(stallMs / 1000)} s: the answer was stopped.`);
    this.name = 'ReaderStalled';
  }
}

export function withStallDeadline(inner: ReadableStream<Uint8Array>, stallMs: number): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const stop = () => {
    done = true;
    clearTimeout(timer);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // Waits for the first read too: a reader that never starts is as stuck as one that stopped.
        timer = setTimeout(() => stall(controller), stallMs);
      },
      async pull(controller) {
        clearTimeout(timer);
        try {
          const { value, done: ended } = await reader.read();
          if (done) return;
          if (ended) {
            stop();
            controller.close();
            return;
          }
          controller.enqueue(value);
          // Its next read is due once the queue has room again; until then, the clock runs.
          timer = setTimeout(() => stall(controller), stallMs);
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    // No queue of its own: the inner stream's queue is the one that paces the maker.
    { highWaterMark: 0 },
  );

  function stall(controller: ReadableStreamDefaultController<Uint8Array>): void {
    if (done) return;
    stop();
    const error = new ReaderStalled(stallMs);
    controller.error(error);
    reader.cancel(error).catch(() => undefined);
  }
}
