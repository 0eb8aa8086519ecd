/**
 * The rules for this person's own feelings on their way to the server (own-feelings.ts), kept
 * pure so they can be tested alone: one waiting choice per card and map, the newest winning; a
 * choice leaves only on the server's answer to that very choice; and what the page shows as the
 * person's own feeling — the waiting choice, else one the server took whose change has not come
 * through sync yet, else the document's — so an older answer never puts back an older choice.
 */
import type { FeelingMapName } from '../../../../shared/api.ts';
import type { Feeling } from '../../../../shared/board-document.ts';
import type { FeelingChoice, WaitingFeeling } from './feeling-outbox.ts';

/** One card in one feelings map, as a string key. */
export const cardOf = (map: FeelingMapName, touchpointId: string): string => `${map} ${touchpointId}`;

const cardOfEntry = (entry: WaitingFeeling) => cardOf(entry.map, entry.touchpointId);

/** The list with `entry` as its card's only waiting choice (a newer choice replaces an older one). */
export function withChoice(list: readonly WaitingFeeling[], entry: WaitingFeeling): WaitingFeeling[] {
  const card = cardOfEntry(entry);
  return [...list.filter((other) => cardOfEntry(other) !== card), entry];
}

/** The list without `answered`, if it is still there: a newer choice on the same card stays. */
export function withoutAnswered(list: readonly WaitingFeeling[], answered: WaitingFeeling): WaitingFeeling[] {
  return list.filter((other) => other.version !== answered.version);
}

/** The waiting choice on a card, if any. */
export function waitingOn(list: readonly WaitingFeeling[], card: string): WaitingFeeling | undefined {
  return list.find((entry) => cardOfEntry(entry) === card);
}

/** The same feeling as far as the person can tell: the same score and words (null: none). */
export function signature(feeling: { score: number; words: readonly string[] } | null): string {
  return feeling === null ? 'none' : JSON.stringify([feeling.score, feeling.words.map((word) => word.trim())]);
}

/** A choice the server has taken whose change has not come through sync yet. */
export interface Arriving {
  map: FeelingMapName;
  key: string;
  feeling: FeelingChoice;
  /** The choices sent from this page for this card in a row: an older one may still come through after. */
  sent: ReadonlySet<string>;
}

/**
 * Whether the page should still show `arriving` now that the document holds `inDoc` at its key.
 * No once it is there; yes while what came through is one of the page's own older choices; no
 * when it is anything else (the person changed it on another device since: the document wins).
 */
export function stillArriving(arriving: Arriving, inDoc: Feeling | null): boolean {
  const there = signature(inDoc);
  if (there === signature(arriving.feeling)) return false;
  return arriving.sent.has(there);
}

/** What the page shows as the person's own feeling on a card. */
export function ownShown(waiting: WaitingFeeling | undefined, arriving: Arriving | undefined, inDoc: Feeling | null): Feeling | null {
  if (waiting !== undefined) return waiting.feeling === null ? null : { ...waiting.feeling, at: waiting.at };
  if (arriving !== undefined) return { ...arriving.feeling, at: inDoc?.at ?? 0 };
  return inDoc;
}

/**
 * Everyone's feelings on a card as the page counts them: the document's, with the person's own
 * (any key known to be theirs) replaced by what the page shows as theirs, so it counts once.
 */
export function countedFeelings(inDoc: Iterable<[string, unknown]>, isMine: (key: string) => boolean, own: Feeling | null): unknown[] {
  const counted: unknown[] = [];
  for (const [key, value] of inDoc) if (!isMine(key)) counted.push(value);
  if (own !== null) counted.push(own);
  return counted;
}
