/**
 * Wrapping a label into a few lines for an SVG picture, which cannot wrap text by itself. Lines
 * break between whole words only ("frightened", never "frightene/d"); what does not fit ends the
 * last line with "…", and the caller shows the full text elsewhere (on focus, on hover, in the
 * table). Pure: the width of a piece of text comes from `measure`, so the browser can pass real
 * font metrics and tests a simple rule.
 */

/** The width of `text` in the units `maxWidth` is given in (CSS px in the browser). */
export type Measure = (text: string) => number;

export interface WrappedLabel {
  /** One string per line; empty when the text is empty. */
  lines: string[];
  /** True when something was left out (the last line ends with "…"). */
  cut: boolean;
}

const ellipsis = '…';

/** The longest start of `word` that fits with "…" after it (at least one character). */
function shortenWord(word: string, maxWidth: number, measure: Measure): string {
  const chars = [...word];
  let keep = chars.length - 1;
  while (keep > 1 && measure(chars.slice(0, keep).join('') + ellipsis) > maxWidth) keep--;
  return chars.slice(0, Math.max(1, keep)).join('') + ellipsis;
}

/** `line` with "…" after it, dropping whole words from its end until it fits. */
function endWithEllipsis(line: string, maxWidth: number, measure: Measure): string {
  const words = line.split(' ');
  while (words.length > 1 && measure(words.join(' ') + ellipsis) > maxWidth) words.pop();
  const kept = words.join(' ');
  return measure(kept + ellipsis) <= maxWidth ? kept + ellipsis : shortenWord(kept, maxWidth, measure);
}

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxWidth`, breaking only between
 * words. A word wider than a whole line is shortened with "…" and ends the label.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines: number, measure: Measure): WrappedLabel {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let next = 0;
  while (next < words.length && lines.length < maxLines) {
    const first = words[next]!;
    if (measure(first) > maxWidth) {
      lines.push(shortenWord(first, maxWidth, measure));
      return { lines, cut: true };
    }
    let line = first;
    next++;
    while (next < words.length && measure(`${line} ${words[next]}`) <= maxWidth) line += ` ${words[next++]}`;
    if (lines.length === maxLines - 1 && next < words.length) {
      lines.push(endWithEllipsis(line, maxWidth, measure));
      return { lines, cut: true };
    }
    lines.push(line);
  }
  return { lines, cut: next < words.length };
}
