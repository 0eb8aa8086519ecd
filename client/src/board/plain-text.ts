/**
 * Text as the board document takes it: the server's guard refuses control characters other than
 * tab and line breaks in titles, purposes and words (they can arrive by pasting from another
 * program), so the page takes them out before writing rather than have a change refused.
 */

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `value` without the control characters the document does not take. */
export const plainText = (value: string): string => value.replace(controlCharacters, '');
