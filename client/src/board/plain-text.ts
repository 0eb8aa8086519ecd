/**
 * Text as the board document takes it: the server's guard refuses control characters other than
 * tab and line breaks in titles, purposes and words, so the page takes them out before writing
 * rather than have a change refused (the pattern is shared/plain-text.ts's, the guard's own).
 */
export { plainText } from '../../../shared/plain-text.ts';
