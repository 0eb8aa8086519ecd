/**
 * Finding links in a comment's plain text, so the page can show them as links that are safe to
 * click. Only http and https addresses become links; anything else (`javascript:`, `data:`) stays
 * text. The page builds text nodes and <a> elements from these pieces — never HTML from the text.
 */

/** A piece of a comment's text: plain words, or a link with the address to open. */
export type TextPiece = { text: string; href?: undefined } | { text: string; href: string };

// An address starts at http:// or https:// and runs to the next space or character that cannot
// be in one unescaped; punctuation at its end is the sentence's, not the address's.
const candidate = /https?:\/\/[^\s<>"'`\u00a0]+/gi;
const trailing = /[.,;:!?'"’”)\]}]+$/;

/** Drops sentence punctuation from the end, but keeps a ")" that closes one opened in the address. */
function trimEnd(address: string): string {
  let end = address.replace(trailing, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (address.length > end.length && address[end.length] === close && count(end, open) > count(end, close)) end += close;
  }
  return end;
}

const count = (text: string, char: string): number => text.split(char).length - 1;

/** The http(s) address `text` names, normalised, or null when it is not one. */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
    return url.href;
  } catch {
    return null;
  }
}

/** `body` cut into plain words and links, in order; joined, the pieces' texts are `body`. */
export function linkPieces(body: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of body.matchAll(candidate)) {
    const address = trimEnd(match[0]);
    const href = safeHref(address);
    if (href === null) continue;
    if (match.index > at) pieces.push({ text: body.slice(at, match.index) });
    pieces.push({ text: address, href });
    at = match.index + address.length;
  }
  if (at < body.length) pieces.push({ text: body.slice(at) });
  return pieces;
}
