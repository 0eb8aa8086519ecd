/**
 * Hands a finished file to the browser as a download: a Blob URL on an <a download> clicked from
 * script (what every browser, phones included, saves without leaving the page). The URL is let
 * go a while later, not at once: some browsers still read it after the click has returned.
 */

/** How long the Blob URL stays usable after the click. */
const keepUrlMs = 30_000;

export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), keepUrlMs);
}
