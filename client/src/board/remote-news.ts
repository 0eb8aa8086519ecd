/**
 * Tells a screen-reader user when someone else changes the card they are on: its title, its story,
 * or its place. Only for the card holding keyboard focus (news about the rest of the board would
 * drown the session), and at most once every few seconds per kind of change, since a peer typing
 * sends a change per keystroke.
 */
import * as Y from 'yjs';

export interface RemoteNewsOptions {
  touchpoint: Y.Map<unknown>;
  /** Whether this person is on the card now (focus inside it). */
  isHere: () => boolean;
  /** The card's title as it is now, to name it. */
  title: () => string;
  /** Who else is on the card: their first names. */
  others: () => readonly string[];
  say: (text: string) => void;
  /** Quiet period per kind of change (default 5 s). */
  quietMs?: number;
}

type Change = 'title' | 'story' | 'place';

/** Starts listening; returns the function that stops. */
export function watchRemoteChanges(options: RemoteNewsOptions): () => void {
  const quietMs = options.quietMs ?? 5000;
  const lastSaid = new Map<Change, number>();
  const who = () => {
    const names = options.others();
    return names.length === 1 ? names[0]! : 'Someone else';
  };
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.local || !options.isHere()) return;
    const changes = new Set<Change>();
    for (const event of events) {
      if (event.target instanceof Y.Text) {
        changes.add(event.target === options.touchpoint.get('title') ? 'title' : 'story');
      } else if (event instanceof Y.YMapEvent && (event.keysChanged.has('stageId') || event.keysChanged.has('order'))) {
        changes.add('place');
      }
    }
    const now = Date.now();
    for (const change of changes) {
      if (now - (lastSaid.get(change) ?? -Infinity) < quietMs) continue;
      lastSaid.set(change, now);
      const name = options.title();
      options.say(
        change === 'place'
          ? `${who()} moved ${name}.`
          : `${who()} is changing the ${change} of ${name}.`,
      );
    }
  };
  options.touchpoint.observeDeep(observer);
  return () => options.touchpoint.unobserveDeep(observer);
}
