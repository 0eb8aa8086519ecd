/** What the PDF export says while it works, when done, and when it could not be made: plain words. */
import { ApiError } from '../../api.ts';
import { PdfCutShort } from './read-pdf.ts';

const pagesWords = (pages: number) => (pages === 1 ? '1 page' : `${pages} pages`);

/** While the file is on its way: "Preparing your PDF…", with the pages counted once there are some. */
export function progressWords(pages: number): string {
  return pages > 0 ? `Preparing your PDF… ${pagesWords(pages)} so far` : 'Preparing your PDF…';
}

/** Once the file has been handed to the browser. */
export function readyWords(pages: number): string {
  return pages > 0 ? `Your PDF is ready: ${pagesWords(pages)}. Look in your downloads.` : 'Your PDF is ready. Look in your downloads.';
}

/** Said when Download is pressed again while one is on its way. */
export const stillMakingWords = 'Your PDF is still being made, so pressing again does nothing. Please wait a little.';

const offlineWords = 'You seem to be offline, so your PDF could not be made. When your connection is back, choose Try again.';

/** Why it failed, in plain words: the server's own message when it sent one. */
export function failureWords(error: unknown, online: boolean): string {
  if (error instanceof ApiError) return error.status === 0 ? offlineWords : `We could not make your PDF. ${error.message}`;
  if (error instanceof PdfCutShort) {
    return online
      ? 'Your PDF stopped arriving before it was finished. This can happen on a weak connection. Please choose Try again.'
      : offlineWords;
  }
  return 'Something went wrong while making your PDF. Please choose Try again.';
}
