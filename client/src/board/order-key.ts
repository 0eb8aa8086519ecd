/**
 * Order keys for touchpoints within a stage: strings that sort by plain string comparison.
 *
 * Only "after the last one" is needed until cards can be moved, so this is the append half of
 * the fractional-indexing scheme (base 62, an integer part whose first letter gives its length,
 * then an optional fraction). The keys it makes are valid keys of that scheme, so the full
 * library can take over later without rewriting any stored order.
 */
const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The key of the first item in an empty list. */
export const firstOrderKey = 'a0';

/** Length of the integer part announced by its first letter, or null when it is not a letter. */
function integerLength(head: string): number | null {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 97 + 2;
  if (head >= 'A' && head <= 'Z') return 90 - head.charCodeAt(0) + 2;
  return null;
}

function isValidKey(key: string): boolean {
  const length = integerLength(key.charAt(0));
  if (length === null || key.length < length) return false;
  for (const char of key.slice(1)) if (!digits.includes(char)) return false;
  return !(key.length > length && key.endsWith('0'));
}

/** The next integer part, or null past the largest one ('z' followed by 26 'z's). */
function incrementInteger(integer: string): string | null {
  const head = integer.charAt(0);
  const body = integer.slice(1).split('');
  for (let i = body.length - 1; i >= 0; i--) {
    const next = digits.indexOf(body[i] ?? '0') + 1;
    if (next < digits.length) {
      body[i] = digits.charAt(next);
      return head + body.join('');
    }
    body[i] = '0';
  }
  // Every digit carried over: the integer part grows a digit (or moves from negative to positive).
  if (head === 'Z') return 'a0';
  if (head === 'z') return null;
  const nextHead = String.fromCharCode(head.charCodeAt(0) + 1);
  if (nextHead > 'a') body.push('0');
  else body.pop();
  return nextHead + body.join('');
}

/** A fraction that sorts after `fraction` (which has no trailing zero). */
function fractionAfter(fraction: string): string {
  const first = fraction === '' ? 0 : digits.indexOf(fraction.charAt(0));
  if (digits.length - first > 1) return digits.charAt(Math.round((first + digits.length) / 2));
  return digits.charAt(first) + fractionAfter(fraction.slice(1));
}

/**
 * A key that sorts after `last` (or the first key when there is none). A key written by some
 * other program that is not a valid key still gets a key after it, by appending.
 */
export function orderKeyAfter(last: string | undefined): string {
  if (last === undefined || last === '') return firstOrderKey;
  if (!isValidKey(last)) return `${last}V`;
  const length = integerLength(last.charAt(0)) ?? 2;
  const integer = last.slice(0, length);
  const next = incrementInteger(integer);
  return next ?? integer + fractionAfter(last.slice(length));
}
