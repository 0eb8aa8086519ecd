/**
 * Text as the board document takes it: no control characters other than tab and line breaks
 * (they can arrive by pasting from another program). The server's guard refuses them in the
 * document's values, the API takes them out of a comment's words, and the page takes them out
 * before writing rather than have a change refused — one pattern for all three.
 */

const pattern = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]';
const anywhere = new RegExp(pattern);
const everywhere = new RegExp(pattern, 'g');

/** Whether `value` holds a control character the document does not take. */
export const hasControlCharacters = (value: string): boolean => anywhere.test(value);

/** `value` without the control characters the document does not take. */
export const plainText = (value: string): string => value.replace(everywhere, '');
