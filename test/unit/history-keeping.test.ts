/**
 * How many versions of a board are kept (server/sync/history-keeping.ts): every one of the last
 * 7 days, the last of each day for 90 days, then the last of each week, and never more than 100 —
 * and whether a board changed since its newest version, by its state vector.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoardDocument } from '../../shared/board-document.ts';
import { changedSince, mostVersions, versionsToDrop } from '../../server/sync/history-keeping.ts';

const day = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 11, 2, 12);
const entry = (id: string, daysAgo: number, hours = 0) => ({ id, at: now - daysAgo * day - hours * 60 * 60 * 1000 });

describe('the versions a board keeps', () => {
  it('keeps every version of the last 7 days', () => {
    const recent = Array.from({ length: 20 }, (_, index) => entry(`recent-${index}`, index % 7, index));
    expect(versionsToDrop(recent, now)).toEqual([]);
  });

  it('keeps the last of each day for 90 days, then the last of each week', () => {
    const entries = [entry('day-10-late', 10, 1), entry('day-10-early', 10, 5), entry('day-11', 11), entry('week-a-late', 200, 0), entry('week-a-early', 200, 2), entry('week-b', 240)];
    expect(versionsToDrop(entries, now).sort()).toEqual(['day-10-early', 'week-a-early']);
  });

  it('never keeps more than the most it may, the oldest going first', () => {
    const entries = Array.from({ length: mostVersions + 30 }, (_, index) => entry(`v-${String(index).padStart(3, '0')}`, 0, index / 10));
    const dropped = versionsToDrop(entries, now);
    expect(dropped.length).toBe(30);
    expect(dropped.sort()).toEqual(entries.slice(mostVersions).map((one) => one.id).sort());
  });
});

describe('whether a board changed since its newest version', () => {
  it('compares state vectors: a new change counts, reading does not', () => {
    const doc = new Y.Doc();
    expect(changedSince(doc, null)).toBe(false);
    initBoardDocument(doc, { title: 'Ward 7' });
    expect(changedSince(doc, null)).toBe(true);
    const kept = { state: Y.encodeStateAsUpdate(doc) };
    expect(changedSince(doc, kept)).toBe(false);
    doc.getMap('meta').get('title');
    expect(changedSince(doc, kept)).toBe(false);
    doc.getMap('meta').set('purpose', 'To listen');
    expect(changedSince(doc, kept)).toBe(true);
  });
});
