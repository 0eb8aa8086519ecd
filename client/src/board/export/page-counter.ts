/**
 * Counts the pages of a PDF while it is still arriving, for "Preparing your PDF… 3 pages so far".
 * pdfkit writes each finished page's dictionary into the stream as it goes, and each holds the
 * bytes `/Type /Page`; the page tree's root holds `/Type /Pages`, which must not count. A match
 * may be split between two chunks, and whether it is followed by `s` may only show in the next
 * chunk, so the last few bytes of each chunk wait for the next one before they are judged.
 */

const pattern = new TextEncoder().encode('/Type /Page');
const letterS = 's'.charCodeAt(0);

export interface PageCounter {
  /** Takes the next chunk of the file; answers the pages counted so far. */
  push(chunk: Uint8Array): number;
  /** The file has ended: judges what was still waiting; answers the final count. */
  finish(): number;
}

/** Whether `bytes` holds the pattern at `at`. */
function matchesAt(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

export function createPageCounter(): PageCounter {
  let pages = 0;
  // Bytes whose match, if one starts there, cannot be judged yet (at most the pattern's length).
  let waiting = new Uint8Array(0);
  return {
    push(chunk) {
      const bytes = new Uint8Array(waiting.length + chunk.length);
      bytes.set(waiting);
      bytes.set(chunk, waiting.length);
      // A match starting at `at` is judged once the byte after it has arrived.
      const judged = bytes.length - pattern.length;
      for (let at = 0; at < judged; at++) {
        if (matchesAt(bytes, at) && bytes[at + pattern.length] !== letterS) pages++;
      }
      waiting = bytes.slice(Math.max(0, judged));
      return pages;
    },
    finish() {
      // Only a match ending the file exactly is left to judge: nothing follows it.
      if (waiting.length === pattern.length && matchesAt(waiting, 0)) pages++;
      waiting = new Uint8Array(0);
      return pages;
    },
  };
}
