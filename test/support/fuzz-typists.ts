/**
 * The honest side of the sync fuzz (test/integration/fuzz-sync.test.ts; bench/fuzz.ts can use it
 * too): two stock y-websocket clients of room A's facilitator type while seeded bad frames hit
 * room B. They write only what the board document takes, so the server's guard (which refuses any
 * other change with 4422) lets every keystroke through: first a stage and the touchpoints to type
 * into, then one letter per keystroke into a touchpoint's story, moving to the next touchpoint
 * every {@link storyMaxLength} keystrokes so no story passes its limit. Any close of their sockets
 * is recorded: an honest client must never meet one.
 */
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { storyMaxLength } from '../../shared/limits.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { SyncClient } from './sync-client.ts';
import { waitUntil } from './wait.ts';

export interface Typists {
  clients: readonly SyncClient[];
  /** Keystrokes typed by each typist ('a' by the first, 'b' by the second). */
  typed: number[];
  /** One keystroke by typist `who` (0 or 1). */
  type(who: number): void;
  /** Everything typed, as one client's document has it: the stories in order. */
  textOf(doc: Y.Doc): string;
  /** Whether `text` holds every keystroke typed so far, and nothing else. */
  holdsEveryKeystroke(text: string): boolean;
  /** Closes the typists' sockets met, described (none expected). */
  closes: string[];
}

const stageId = 'stage-typing';
const cardId = (index: number) => `touch-typing-${index}`;
const letters = ['a', 'b'];

/**
 * Starts typing in room A: `clients` are two synced providers of the board's facilitator
 * (`userId`), `keystrokes` how many there may be at most (for the touchpoints made up front).
 */
export async function startTypists(clients: readonly [SyncClient, SyncClient], userId: string, keystrokes: number, rng: SeededRandom): Promise<Typists> {
  const closes: string[] = [];
  clients.forEach((client, who) =>
    client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(`typist ${who}: ${event?.code ?? 'no code'}`)),
  );
  const cards = Math.max(1, Math.ceil(keystrokes / storyMaxLength));
  const first = clients[0].doc;
  const { stages, touchpoints } = boardTypes(first);
  first.transact(() => {
    stages.push([newStage(stageId, 'Typing')]);
    for (let index = 0; index < cards; index++) {
      touchpoints.set(
        cardId(index),
        newTouchpoint({ id: cardId(index), stageId, order: `a${index}`, title: `Story ${index + 1}`, createdBy: userId, createdAt: Date.now() }),
      );
    }
  });
  await waitUntil(() => boardTypes(clients[1].doc).touchpoints.size === cards, 'both typists have the touchpoints', 20_000);

  const typed = [0, 0];
  const story = (doc: Y.Doc, index: number) => boardTypes(doc).touchpoints.get(cardId(index))?.get('story') as Y.Text | undefined;
  const textOf = (doc: Y.Doc): string => Array.from({ length: cards }, (_, index) => story(doc, index)?.toString() ?? '').join('');
  return {
    clients,
    typed,
    type(who) {
      const index = Math.floor((typed[0]! + typed[1]!) / storyMaxLength);
      const text = story(clients[who]!.doc, index);
      if (text === undefined) throw new Error(`more than ${keystrokes} keystrokes: no touchpoint ${index} to type into`);
      text.insert(rng.int(0, text.length), letters[who]!);
      typed[who]!++;
    },
    textOf,
    holdsEveryKeystroke: (text) =>
      text.length === typed[0]! + typed[1]! && [...text].filter((c) => c === 'a').length === typed[0] && [...text].filter((c) => c === 'b').length === typed[1],
    closes,
  };
}
