/** Presence is re-encoded role-neutrally and ids cannot be spoofed. */
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessEntries, filterAwarenessUpdate } from '../../server/sync/awareness-filter.ts';

function updateFrom(state: Record<string, unknown> | null): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return { update, clientId: doc.clientID };
}

describe('filterAwarenessUpdate', () => {
  it('keeps only the name (from the server), colour, focus and cursor', () => {
    const { update, clientId } = updateFrom({
      user: { name: 'Prof. X', color: '#123abc', role: 'consultant', email: 'x@nhs.uk' },
      focus: 'tp-1',
      cursor: { anchor: 3 },
      staff: true,
    });
    const [entry] = filterAwarenessUpdate(update, { displayName: 'Sam', mayControl: () => true });
    expect(entry).toEqual({ clientId, clock: 1, state: { user: { name: 'Sam', color: '#123abc' }, focus: 'tp-1', cursor: { anchor: 3 } } });
  });

  it('drops colours that are not #rrggbb, over-long focus and over-large cursors', () => {
    const { update } = updateFrom({ user: { color: 'url(javascript:x)' }, focus: 'x'.repeat(500), cursor: 'y'.repeat(5000) });
    const [entry] = filterAwarenessUpdate(update, { displayName: 'Sam', mayControl: () => true });
    expect(entry?.state).toEqual({ user: { name: 'Sam' } });
  });

  it('drops entries for ids the connection may not control', () => {
    const { update } = updateFrom({ user: { name: 'A' } });
    expect(filterAwarenessUpdate(update, { displayName: 'Sam', mayControl: () => false })).toEqual([]);
  });

  it('round-trips through the y-protocols format', () => {
    const entries = [{ clientId: 5, clock: 2, state: { user: { name: 'Sam' } } }, { clientId: 6, clock: 1, state: null }];
    expect(filterAwarenessUpdate(encodeAwarenessEntries(entries), { displayName: 'Sam', mayControl: () => true })).toEqual(entries);
  });

  it('throws on truncated or invalid input', () => {
    const { update } = updateFrom({ user: { name: 'A' } });
    expect(() => filterAwarenessUpdate(update.slice(0, update.length - 2), { displayName: 'S', mayControl: () => true })).toThrow();
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 123, 123, 123]), { displayName: 'S', mayControl: () => true })).toThrow();
  });
});
