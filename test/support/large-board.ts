/**
 * Makes a board big (over a megabyte of Yjs update) through a real, synced client of a person who
 * may organise it: one stage and touchpoints whose stories are long sentences, every value the
 * document's own shape (shared/board-document.ts), so the server's guard takes it. For tests of
 * how a big first sync travels (test/integration/sync-compression.test.ts).
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { storyMaxLength } from '../../shared/limits.ts';
import { seededRandom } from './seeded-random.ts';

const words = 'the nurse said we would wait in the corridor until a bed was free and nobody told my mother why it took so long so she sat there frightened while the porter came and went past the ward with the trolley and a letter from the clinic'.split(' ');

/** Adds cards until the document's update is at least `bytes` long; returns how long it is. */
export function fillBoard(doc: Y.Doc, createdBy: string, bytes: number, seed = 13): number {
  const random = seededRandom(seed);
  const story = (): string => {
    let text = '';
    while (text.length < storyMaxLength - 20) text += `${random.pick(words)} `;
    return text.slice(0, storyMaxLength - 20);
  };
  const cards = Math.ceil(bytes / (storyMaxLength - 20)) + 1;
  const orders = generateNKeysBetween(null, null, cards);
  doc.transact(() => {
    const { stages, touchpoints } = boardTypes(doc);
    stages.push([newStage('stage-large', 'Waiting for a bed')]);
    for (let i = 0; i < cards; i++) {
      const id = `card-large-${String(i).padStart(4, '0')}`;
      touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-large', order: orders[i]!, title: `Card ${i + 1}`, story: story(), createdBy, createdAt: Date.UTC(2026, 10, 2) }));
    }
  });
  return Y.encodeStateAsUpdate(doc).length;
}
