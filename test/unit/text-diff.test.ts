/** Minimal text changes and caret mapping (client/src/board/text-diff.ts) on real Y.Docs. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange, diffText, mapIndexThroughDelta, type DeltaOp } from '../../client/src/board/text-diff.ts';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** One person's field: the value they see, typed into and written with the diff. */
function type(doc: Y.Doc, after: string, caret?: number): void {
  const text = doc.getText('t');
  doc.transact(() => applyTextChange(text, text.toString(), after, caret));
}

describe('diffText', () => {
  it('finds an insert, a delete and a replacement', () => {
    expect(diffText('hello', 'hello world')).toEqual({ index: 5, removed: 0, inserted: ' world' });
    expect(diffText('hello world', 'hello')).toEqual({ index: 5, removed: 6, inserted: '' });
    expect(diffText('the cat sat', 'the dog sat')).toEqual({ index: 4, removed: 3, inserted: 'dog' });
    expect(diffText('same', 'same')).toBeNull();
  });

  it('puts an ambiguous insert where the caret is', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, removed: 0, inserted: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, removed: 0, inserted: 'a' });
  });

  it('never splits an emoji', () => {
    const change = diffText('a😀b', 'a😃b');
    expect(change).toEqual({ index: 1, removed: 2, inserted: '😃' });
  });
});

describe('two people typing in the same text', () => {
  it('both keep their words after syncing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    type(a, 'We waited a long time.');
    sync(a, b);
    type(a, 'We waited a very long time.', 'We waited a very'.length);
    type(b, 'We waited a long time. Nobody told us why.');
    sync(a, b);
    expect(a.getText('t').toString()).toBe('We waited a very long time. Nobody told us why.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('keeps a delete and an insert made at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    type(a, 'The nurse was kind and quick.');
    sync(a, b);
    type(a, 'The nurse was kind.');
    type(b, 'The night nurse was kind and quick.', 'The night'.length);
    sync(a, b);
    expect(a.getText('t').toString()).toBe('The night nurse was kind.');
    expect(b.getText('t').toString()).toBe('The night nurse was kind.');
  });
});

describe('mapIndexThroughDelta', () => {
  it('moves a caret along for text inserted or deleted before it', () => {
    const insertBefore: DeltaOp[] = [{ retain: 2 }, { insert: 'xyz' }];
    expect(mapIndexThroughDelta(5, insertBefore)).toBe(8);
    expect(mapIndexThroughDelta(1, insertBefore)).toBe(1);
    const deleteAround: DeltaOp[] = [{ retain: 2 }, { delete: 4 }];
    expect(mapIndexThroughDelta(4, deleteAround)).toBe(2);
    expect(mapIndexThroughDelta(10, deleteAround)).toBe(6);
  });

  it('follows a real remote change', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    type(a, 'Waiting room');
    sync(a, b);
    let mapped = -1;
    b.getText('t').observe((event) => {
      mapped = mapIndexThroughDelta('Waiting room'.length, event.delta as DeltaOp[]);
    });
    type(a, 'The waiting room');
    sync(a, b);
    expect(b.getText('t').toString()).toBe('The waiting room');
    expect(mapped).toBe('The waiting room'.length);
  });
});
