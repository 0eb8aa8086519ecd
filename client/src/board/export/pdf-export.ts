/**
 * One PDF export at a time, the Solid way: pressing Download sets the request, and a resource
 * fetches the file (api.exportPdf), reads it as it streams (read-pdf.ts, counting pages), hands it
 * to the browser (save-file.ts) and answers its page count. What to say comes from its state.
 * Leaving the board stops a download on its way.
 */
import { createResource, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { ExportPdfOptions } from '../../../../shared/api.ts';
import type { Api } from '../../api.ts';
import { exportQuery, pdfFileName } from './export-request.ts';
import { failureWords, progressWords, readyWords, stillMakingWords } from './export-words.ts';
import { readPdf } from './read-pdf.ts';
import { saveFile } from './save-file.ts';

export interface PdfExport {
  /** Starts an export with these choices; false (and says so) when one is already on its way. */
  start(options: ExportPdfOptions): boolean;
  /** The last export again, after it failed. */
  retry(): void;
  busy: Accessor<boolean>;
  failed: Accessor<boolean>;
  /** What the status line says now ('' before the first export). */
  words: Accessor<string>;
  /** "Pressing again does nothing" after a second press while busy ('' otherwise). */
  note: Accessor<string>;
}

interface ExportRequest {
  options: ExportPdfOptions;
  /** Makes "Try again" a new request even with the same choices. */
  attempt: number;
}

export function createPdfExport(api: Api, boardId: string): PdfExport {
  const [request, setRequest] = createSignal<ExportRequest | null>(null);
  const [pages, setPages] = createSignal(0);
  const [note, setNote] = createSignal('');
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());
  const [pdf] = createResource(request, async ({ options }) => {
    setPages(0);
    controller = new AbortController();
    const response = await api.exportPdf(boardId, exportQuery(options), controller.signal);
    const file = await readPdf(response, { onPages: setPages });
    saveFile(file.blob, pdfFileName(response.headers.get('Content-Disposition')));
    return file.pages;
  });
  let attempts = 0;
  let pressedAgain = 0;
  const busy = () => pdf.loading;
  const failed = () => !pdf.loading && pdf.state === 'errored';
  const start = (options: ExportPdfOptions) => {
    if (busy()) {
      // A no-break space on every other press, so the same words are said again.
      pressedAgain++;
      setNote(pressedAgain % 2 === 1 ? stillMakingWords : `${stillMakingWords}\u00a0`);
      return false;
    }
    pressedAgain = 0;
    setNote('');
    setRequest({ options, attempt: ++attempts });
    return true;
  };
  return {
    start,
    retry() {
      const last = request();
      if (last !== null) start(last.options);
    },
    busy,
    failed,
    words: () => {
      if (pdf.loading) return progressWords(pages());
      if (pdf.state === 'errored') return failureWords(pdf.error, navigator.onLine);
      // latest, not pdf(): reading the resource itself would suspend the board on the next export.
      if (pdf.state === 'ready') return readyWords(pdf.latest ?? 0);
      return '';
    },
    note: () => (pdf.loading ? note() : ''),
  };
}
