/**
 * Seeded bad frames for the sync endpoint's fuzz test: random bytes, y-websocket tags followed by
 * corrupted varints and lengths, truncated and bit-flipped real Yjs updates, awareness updates
 * with broken JSON, unknown message types, text and empty frames, and big-but-legal frames.
 * Everything comes from one {@link SeededRandom}, so a seed names a run exactly.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, type FeelingScore } from '../../shared/board-document.ts';
import { MessageType } from '../../shared/sync-protocol.ts';
import type { SeededRandom } from './seeded-random.ts';

/** What a frame was made to test; the test counts outcomes per kind. */
export type FrameKind =
  | 'random'
  | 'corrupt-sync'
  | 'truncated-update'
  | 'flipped-update'
  | 'broken-awareness'
  | 'odd-awareness'
  | 'unknown-type'
  | 'text'
  | 'empty'
  | 'big';

export interface FuzzFrame {
  kind: FrameKind;
  /** A string is sent as a text frame. */
  data: Uint8Array | string;
}

/** Weights of the everyday kinds; `big` is drawn separately so the run stays quick. */
const kinds: readonly FrameKind[] = [
  'random', 'random', 'corrupt-sync', 'corrupt-sync', 'truncated-update', 'truncated-update',
  'flipped-update', 'broken-awareness', 'odd-awareness', 'unknown-type', 'text', 'empty',
];

/**
 * Real updates of a small board document (the board's schema, shared/board-document.ts), made
 * once per generator, to cut and flip: stages, touchpoints with typing in their stories, comments,
 * feelings and the phase. Some would pass the server's guard as sent and some not (a touchpoint or
 * comment made in a made-up person's name; a feeling, which only the server writes since issue
 * 17), so flipped copies reach every part of it, not only the decoder.
 */
function realUpdates(rng: SeededRandom, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = rng.int(1, 2 ** 31);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const { meta, stages, touchpoints, feelings, comments } = boardTypes(doc);
  const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(8, '0')}`;
  const story = (): Y.Text | null => {
    const card = touchpoints.get(id('touch', rng.int(0, touchpoints.size - 1)))?.get('story');
    return card instanceof Y.Text ? card : null;
  };
  for (let i = 0; updates.length < count && i < count * 4; i++) {
    const step = rng.int(0, 5);
    if (step === 0) stages.push([newStage(id('stage', i), `Stage ${i}`)]);
    else if (step === 1) {
      const n = touchpoints.size;
      touchpoints.set(id('touch', n), newTouchpoint({ id: id('touch', n), stageId: id('stage', 0), order: `a${n}`, title: `Card ${n}`, createdBy: id('person', rng.int(0, 3)), createdAt: i }));
    } else if (step === 2) story()?.insert(0, 'x'.repeat(rng.int(1, 40)));
    else if (step === 3 && rng.chance(0.5)) {
      // Under a key like the server's (touchpointId/22 characters), as a client may not write it.
      feelings.set(`${id('touch', rng.int(0, 5))}/${id('feeling', i).padStart(22, 'k')}`, { score: rng.int(-2, 2) as FeelingScore, words: ['safe'], at: i - (i % 60_000) });
    } else if (step === 3) {
      const comment = new Y.Map<unknown>();
      comment.set('id', id('comment', i));
      comment.set('target', { type: 'touchpoint', id: id('touch', rng.int(0, 5)) });
      comment.set('parentId', null);
      comment.set('authorId', id('person', rng.int(0, 3)));
      comment.set('body', new Y.Text('x'.repeat(rng.int(1, 40))));
      comment.set('createdAt', i);
      comments.set(id('comment', i), comment);
    }
    else if (step === 4) meta.set('phase', 'gather');
    else {
      const text = story();
      if (text !== null && text.length > 2) text.delete(rng.int(0, text.length - 2), 1);
    }
  }
  updates.push(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return updates;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A varUint that never ends (every byte has the continuation bit) or overflows 53 bits. */
function brokenVarUint(rng: SeededRandom): Uint8Array {
  const length = rng.int(1, 12);
  const bytes = rng.bytes(length).map((byte) => byte | 0x80);
  return rng.chance(0.5) ? bytes : Uint8Array.of(...bytes, rng.int(0, 0x7f));
}

/** Makes frames from `rng`; call {@link FuzzFrames.next} as many times as wanted. */
export class FuzzFrames {
  readonly #rng: SeededRandom;
  readonly #updates: Uint8Array[];

  constructor(rng: SeededRandom) {
    this.#rng = rng;
    this.#updates = realUpdates(rng, 40);
  }

  /** One everyday bad frame (never `big`). */
  next(): FuzzFrame {
    const kind = this.#rng.pick(kinds);
    return { kind, data: this.#make(kind) };
  }

  /** A frame near `bytes` long that the size limit allows: random, or a sync update of noise. */
  big(bytes: number): FuzzFrame {
    const rng = this.#rng;
    const noise = rng.bytes(bytes);
    const data = rng.chance(0.5)
      ? noise
      : frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          syncProtocol.writeUpdate(e, noise);
        });
    return { kind: 'big', data };
  }

  #make(kind: FrameKind): Uint8Array | string {
    const rng = this.#rng;
    switch (kind) {
      case 'random':
        return rng.bytes(rng.int(1, 256));
      case 'corrupt-sync':
        return frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          const step = rng.pick([syncProtocol.messageYjsSyncStep1, syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]);
          const how = rng.int(0, 3);
          if (how === 0) encoding.writeUint8Array(e, brokenVarUint(rng)); // the step itself is broken
          else encoding.writeVarUint(e, step);
          if (how === 1) encoding.writeUint8Array(e, brokenVarUint(rng)); // a length that never ends
          if (how === 2) {
            // A length far beyond the bytes that follow.
            encoding.writeVarUint(e, rng.int(64, 2 ** 31));
            encoding.writeUint8Array(e, rng.bytes(rng.int(0, 32)));
          }
          if (how === 3) encoding.writeVarUint8Array(e, rng.bytes(rng.int(0, 128))); // a payload of noise
        });
      case 'truncated-update': {
        const update = rng.pick(this.#updates);
        const cut = update.subarray(0, rng.int(0, Math.max(0, update.length - 1)));
        return frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, rng.pick([syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]));
          // Either an honest length for the cut update, or the original length over fewer bytes.
          if (rng.chance(0.5)) encoding.writeVarUint8Array(e, cut);
          else {
            encoding.writeVarUint(e, update.length);
            encoding.writeUint8Array(e, cut);
          }
        });
      }
      case 'flipped-update': {
        const update = Uint8Array.from(rng.pick(this.#updates));
        for (let flips = rng.int(1, 4); flips > 0 && update.length > 0; flips--) {
          const at = rng.int(0, update.length - 1);
          update[at] = update[at]! ^ (1 << rng.int(0, 7));
        }
        return frame((e) => {
          encoding.writeVarUint(e, MessageType.sync);
          encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
          encoding.writeVarUint8Array(e, update);
        });
      }
      case 'broken-awareness':
      case 'odd-awareness': {
        const json =
          kind === 'broken-awareness'
            ? rng.pick(['{', '{"user":', 'nul', '{"user":{"name":"x"}', '\u0000', '', '[1,2', '"unterminated'])
            : rng.pick([
                'null',
                '[]',
                '1e400',
                '{"user":[]}',
                `{"user":{"color":"#zzzzzz"},"cursor":${'['.repeat(60)}${']'.repeat(60)}}`,
                `{"focus":"f","cursor":{"a":"${'y'.repeat(4000)}"}}`,
              ]);
        return frame((e) => {
          encoding.writeVarUint(e, MessageType.awareness);
          const inner = frame((a) => {
            const entries = rng.int(0, 3);
            encoding.writeVarUint(a, rng.chance(0.2) ? rng.int(4, 2 ** 20) : entries); // a count that may lie
            for (let i = 0; i < entries; i++) {
              encoding.writeVarUint(a, rng.int(0, 2 ** 30));
              encoding.writeVarUint(a, rng.int(0, 2 ** 30));
              encoding.writeVarString(a, json);
            }
          });
          encoding.writeVarUint8Array(e, inner);
        });
      }
      case 'unknown-type':
        return frame((e) => {
          encoding.writeVarUint(e, rng.int(4, 2 ** 31));
          encoding.writeUint8Array(e, rng.bytes(rng.int(0, 64)));
        });
      case 'text':
        return rng.pick(['hello', '{"type":"sync"}', '\u0000', 'ü'.repeat(rng.int(1, 200))]);
      case 'empty':
        return new Uint8Array(0);
      case 'big':
        return this.big(1024).data;
    }
  }
}
