/**
 * Each perspective's line on the journey (issue 17, shared/perspectives.ts), worked out by the server
 * from what it alone knows — whose each feeling is (feeling-actions.ts) and who chose which
 * perspective — and the document's feelings. A point is given only where at least
 * {@link fewestForALine} people of that perspective gave a feeling at the moment, and holds only
 * how many and their middle score: nothing about one person. Pure: the host keeps and refreshes it.
 */
import type * as Y from 'yjs';
import type { PerspectiveLines, PerspectivePoint } from '../../shared/api.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { feelingStats } from '../../shared/feeling-stats.ts';
import { readJourney } from '../../shared/journey.ts';
import { fewestForALine, withLines, type Perspective } from '../../shared/perspectives.ts';
import type { FeelingOwner } from '../ports/feeling-records.ts';

/** Moments whose shown middles are at least this far apart are where the realities differ most. */
export const differMostGap = 2;

export function workOutLines(
  doc: Y.Doc,
  owners: readonly FeelingOwner[],
  choices: ReadonlyMap<string, string>,
  perspectives: readonly Perspective[],
  at: number,
): PerspectiveLines {
  const lined = withLines(perspectives);
  const ids = new Set(lined.map((choice) => choice.id));
  const ownerOf = new Map(owners.filter((owner) => owner.map === 'feelings').map((owner) => [owner.key, owner.userId]));
  /** touchpoint id → perspective id → stored feelings of its people there. */
  const groups = new Map<string, Map<string, unknown[]>>();
  for (const [key, value] of boardTypes(doc).feelings) {
    const userId = ownerOf.get(key);
    const choice = userId === undefined ? undefined : choices.get(userId);
    if (choice === undefined || !ids.has(choice)) continue;
    const touchpointId = key.slice(0, key.indexOf('/'));
    let byChoice = groups.get(touchpointId);
    if (byChoice === undefined) groups.set(touchpointId, (byChoice = new Map()));
    let values = byChoice.get(choice);
    if (values === undefined) byChoice.set(choice, (values = []));
    values.push(value);
  }

  const moments: PerspectiveLines['moments'] = [];
  const differMost: (PerspectiveLines['differMost'][number] & { position: number })[] = [];
  for (const row of readJourney(doc).rows) {
    const points: Record<string, PerspectivePoint | null> = {};
    const shown: { id: string; median: number }[] = [];
    for (const choice of lined) {
      const stats = feelingStats(groups.get(row.touchpointId)?.get(choice.id) ?? []);
      const point = stats.count >= fewestForALine && stats.median !== null ? { count: stats.count, median: stats.median } : null;
      points[choice.id] = point;
      if (point !== null) shown.push({ id: choice.id, median: point.median });
    }
    moments.push({ touchpointId: row.touchpointId, points });
    if (shown.length >= 2) {
      const lowest = shown.reduce((a, b) => (b.median < a.median ? b : a));
      const highest = shown.reduce((a, b) => (b.median > a.median ? b : a));
      const gap = highest.median - lowest.median;
      if (gap >= differMostGap) differMost.push({ touchpointId: row.touchpointId, gap, lowest: lowest.id, highest: highest.id, position: row.position });
    }
  }
  differMost.sort((a, b) => b.gap - a.gap || a.position - b.position);
  return {
    workedOutAt: new Date(at).toISOString(),
    perspectives: lined.map(({ id, label }) => ({ id, label })),
    moments,
    differMost: differMost.map(({ position: _position, ...rest }) => rest),
  };
}
