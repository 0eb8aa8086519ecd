/**
 * "Download PDF" in the board's toolbar, for every member: it opens, in place (a disclosure, like
 * What's new), the export's choices (ExportChoices.tsx) and a Download button. While the file is
 * made, a polite status line says "Preparing your PDF…" with the pages so far, then that it is
 * ready; a failure says what went wrong and offers Try again. The status line stays in the page
 * when the choices are closed (Escape or Close, focus back on the toolbar button), so a download
 * on its way is still told.
 */
import { createEffect, createSignal, createUniqueId, ErrorBoundary, on, Show } from 'solid-js';
import { useApp } from '../../app-context.ts';
import { ExportChoices } from './ExportChoices.tsx';
import { defaultExportOptions } from './export-request.ts';
import { createPdfExport } from './pdf-export.ts';
import './export.css';

/** The id of the toolbar's "Download PDF" button (focus comes back to it). */
export const exportPdfButtonId = 'export-pdf-button';

export function ExportPdf(props: { boardId: string }) {
  const { api } = useApp();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [options, setOptions] = createSignal(defaultExportOptions);
  const pdf = createPdfExport(api, props.boardId);
  let download: HTMLButtonElement | undefined;
  let tryAgain: HTMLButtonElement | undefined;
  const opener = () => document.getElementById(exportPdfButtonId);
  const close = () => {
    setOpen(false);
    opener()?.focus();
  };
  // A failure while the person waits on Download takes them to Try again, which reads out what
  // went wrong (aria-describedby). Anywhere else, focus stays where they are.
  createEffect(
    on(pdf.failed, (failed) => {
      if (failed && download !== undefined && document.activeElement === download) tryAgain?.focus();
    }),
  );
  const retry = () => {
    // Try again goes away while the next attempt runs: focus goes where the person can wait.
    (open() ? download : opener())?.focus();
    pdf.retry();
  };
  return (
    <div class="export-pdf">
      <button
        type="button"
        class="button button--secondary"
        id={exportPdfButtonId}
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open())}
      >
        Download PDF
      </button>
      <div
        id={`${id}-panel`}
        class="export-pdf__panel"
        classList={{ 'visually-hidden': !open() && pdf.words() === '' }}
        onKeyDown={(event) => event.key === 'Escape' && open() && close()}
      >
        <Show when={open()}>
          <ErrorBoundary fallback={<p>The PDF choices cannot be shown just now. Reload the page to try again.</p>}>
            <section class="export-pdf__box" aria-labelledby={`${id}-heading`}>
              <h2 id={`${id}-heading`} class="export-pdf__heading">
                Download a PDF of this board
              </h2>
              <p>A document of the map to print, read on screen or add to a report.</p>
              <form
                novalidate
                onSubmit={(event) => {
                  event.preventDefault();
                  pdf.start(options());
                }}
              >
                <ExportChoices id={id} options={options()} onChange={setOptions} />
                <div class="button-row">
                  <button type="submit" class="button" ref={download} aria-disabled={pdf.busy() ? 'true' : 'false'}>
                    Download PDF<span class="visually-hidden"> now</span>
                  </button>
                  <button type="button" class="button button--secondary" onClick={close}>
                    Close<span class="visually-hidden"> PDF choices</span>
                  </button>
                </div>
              </form>
            </section>
          </ErrorBoundary>
        </Show>
        {/* A live region without role="status": the board's one status is its connection. Kept in
            the page (out of sight while empty) so its first words are said. */}
        <div class="export-pdf__status">
          <p aria-live="polite" aria-atomic="true" id={`${id}-status`} class="export-pdf__words" classList={{ 'export-pdf__failed': pdf.failed() }}>
            {pdf.words()}
            <Show when={pdf.note()}>{(note) => <span class="export-pdf__note"> {note()}</span>}</Show>
          </p>
          <Show when={pdf.failed()}>
            <button type="button" class="button" ref={tryAgain} aria-describedby={`${id}-status`} onClick={retry}>
              Try again
            </button>
          </Show>
        </div>
      </div>
    </div>
  );
}
