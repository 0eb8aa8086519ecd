/**
 * "312 letters left": what a text box near the document's limit says (shared/limits.ts), so a
 * long story does not stop typing without a word of why. Plain words, shown only near the end.
 */

/** From how near the limit the count shows: the last tenth of the room. */
export const lettersLeftShownBelow = (maxLength: number): number => Math.ceil(maxLength / 10);

/** "312 letters left." in plain words; "" while there is plenty of room. */
export function lettersLeftWords(length: number, maxLength: number, what: string): string {
  const left = maxLength - length;
  if (left > lettersLeftShownBelow(maxLength)) return '';
  if (left <= 0) return `The ${what} is as long as it can be.`;
  return left === 1 ? '1 letter left.' : `${left.toLocaleString('en-GB')} letters left.`;
}
