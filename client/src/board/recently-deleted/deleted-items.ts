/**
 * What "Recently deleted" shows, following the board document live: the count for its button
 * (cheap: it follows only the entries and which stages and touchpoints exist), and, while the
 * panel is open, each item's title, what it was, and where Restore would put it.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { deletedEntries, hasContent, hiddenIds, type DeletedEntry } from '../../../../shared/recently-deleted.ts';
import { restorePlace } from './restore.ts';

/** One thing in Recently deleted, as the panel shows it. */
export interface DeletedItem extends DeletedEntry {
  /** Its title as stored ('' when it has none). */
  title: string;
  /** A stage: how many of its cards come back with it. */
  cards: number;
  /** A touchpoint: the title of the stage it was in, or null when that stage is gone for good. */
  fromStage: string | null;
  /**
   * A touchpoint: where Restore puts it — its own stage, or (`moved`) the first stage; null when
   * there is no stage on the board.
   */
  place: { stageId: string; stageTitle: string; moved: boolean } | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function stageTitles(doc: Y.Doc): Map<string, string> {
  const titles = new Map<string, string>();
  for (const stage of boardTypes(doc).stages) {
    const id = stage instanceof Y.Map ? text(stage.get('id')) : '';
    if (id !== '' && !titles.has(id)) titles.set(id, text(stage.get('title')));
  }
  return titles;
}

/** Every entry that still has something to bring back, newest first. */
export function readDeletedItems(doc: Y.Doc): DeletedItem[] {
  const { touchpoints } = boardTypes(doc);
  const titles = stageTitles(doc);
  const hidden = hiddenIds(doc);
  const cardsIn = new Map<string, number>();
  for (const [id, touchpoint] of touchpoints) {
    if (!(touchpoint instanceof Y.Map) || hidden.has(id)) continue;
    const stageId = text(touchpoint.get('stageId'));
    cardsIn.set(stageId, (cardsIn.get(stageId) ?? 0) + 1);
  }
  return deletedEntries(doc)
    .filter((entry) => hasContent(doc, entry))
    .map((entry) => {
      if (entry.kind === 'stage') {
        return { ...entry, title: titles.get(entry.id) ?? '', cards: cardsIn.get(entry.id) ?? 0, fromStage: null, place: null };
      }
      const touchpoint = touchpoints.get(entry.id)!;
      const title = touchpoint.get('title');
      const place = restorePlace(doc, entry.id);
      return {
        ...entry,
        title: title instanceof Y.Text ? title.toString() : text(title),
        cards: 0,
        fromStage: titles.get(text(touchpoint.get('stageId'))) ?? null,
        place: place && { ...place, stageTitle: titles.get(place.stageId) ?? '' },
      };
    });
}

/** How many things are in Recently deleted, live. Call inside a component. */
export function createDeletedCount(doc: Y.Doc): Accessor<number> {
  const { deleted, stages, touchpoints } = boardTypes(doc);
  const count = () => deletedEntries(doc).filter((entry) => hasContent(doc, entry)).length;
  const [value, setValue] = createSignal(count());
  const update = () => setValue(count());
  deleted.observeDeep(update);
  stages.observe(update);
  touchpoints.observe(update);
  onCleanup(() => {
    deleted.unobserveDeep(update);
    stages.unobserve(update);
    touchpoints.unobserve(update);
  });
  return value;
}

/**
 * The items, live, recomputed at most once per animation frame (typing in a card's title changes
 * what the panel shows). Call inside the open panel: it stops following on cleanup.
 */
export function createDeletedItems(doc: Y.Doc): Accessor<DeletedItem[]> {
  const { deleted, stages, touchpoints } = boardTypes(doc);
  const [items, setItems] = createSignal(readDeletedItems(doc));
  let frame = 0;
  const update = () => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      setItems(readDeletedItems(doc));
    });
  };
  deleted.observeDeep(update);
  stages.observeDeep(update);
  touchpoints.observeDeep(update);
  onCleanup(() => {
    cancelAnimationFrame(frame);
    deleted.unobserveDeep(update);
    stages.unobserveDeep(update);
    touchpoints.unobserveDeep(update);
  });
  return items;
}
