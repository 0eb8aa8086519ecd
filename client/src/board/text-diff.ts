/**
 * Collaborative plain-text editing: turning a field's new value into the smallest Y.Text change,
 * and keeping a caret in place while someone else's change lands in the same text.
 * No DOM, no Solid: tested with real Y.Docs.
 */
import type * as Y from 'yjs';

/** One contiguous change: at `index`, remove `removed` characters and put `inserted` there. */
export interface TextChange {
  index: number;
  removed: number;
  inserted: string;
}

/**
 * The single change that turns `before` into `after`, found from their common prefix and
 * suffix. `caret` (where the caret is in `after`) settles ambiguous cases: typing "a" inside
 * "aa" is placed where it was typed, not at the first possible spot. Null when equal.
 */
export function diffText(before: string, after: string, caret: number = after.length): TextChange | null {
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  // The new text ends at least where the caret is, so the prefix cannot run past the caret.
  const prefixLimit = Math.min(limit, Math.max(0, caret - Math.max(0, after.length - before.length)));
  let prefix = 0;
  while (prefix < prefixLimit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  // Never split a surrogate pair (an emoji) between the kept and changed parts.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    removed: before.length - prefix - suffix,
    inserted: after.slice(prefix, after.length - suffix),
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Applies the change from `before` to `after` to `text` as a delete and an insert. Call inside
 * a transaction (with the local origin) so it is one undoable step. Returns the change made.
 */
export function applyTextChange(text: Y.Text, before: string, after: string, caret?: number): TextChange | null {
  const change = diffText(before, after, caret);
  if (change === null) return null;
  if (change.removed > 0) text.delete(change.index, change.removed);
  if (change.inserted !== '') text.insert(change.index, change.inserted);
  return change;
}

/** One entry of a Y.Text delta (as in Y.YTextEvent.delta). */
export interface DeltaOp {
  insert?: unknown;
  delete?: number;
  retain?: number;
}

/**
 * Where position `index` ends up after a change described by `delta`. Text inserted exactly at
 * the position goes before it when `stickBefore` is false (a remote insert at your caret pushes
 * the caret along), after it when true (the end of a selection stays put).
 */
export function mapIndexThroughDelta(index: number, delta: readonly DeltaOp[], stickBefore = false): number {
  let position = 0;
  let mapped = index;
  for (const op of delta) {
    if (position > index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position < index || (position === index && !stickBefore)) mapped += length;
      else break;
    } else if (op.delete !== undefined) {
      const gone = Math.min(op.delete, index - position);
      if (gone > 0) mapped -= gone;
      position += op.delete;
    }
  }
  return Math.max(0, mapped);
}
