/**
 * The edits the benchmark makes: someone typing a short word into a touchpoint's story. Each
 * word carries its sequence number (`w42 `), so a receiver can tell which edit it just saw.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { storyMaxLength } from '../shared/limits.ts';

/** The word typed for edit `seq`; 3–7 characters, like a short burst of typing. */
export function token(seq: number): string {
  return `w${seq} `;
}

const tokenPattern = /w(\d+) /g;

/**
 * Throws unless the words of edits `seqs` fit in one story: past its limit the server refuses
 * the change and closes the socket, and the benchmark would measure refusals.
 */
export function checkWordsFit(seqs: Iterable<number>, where: string): void {
  let length = 0;
  for (const seq of seqs) length += token(seq).length;
  if (length > storyMaxLength) throw new Error(`${length} characters of words for ${where}, over a story's ${storyMaxLength}`);
}

/**
 * Types edit `seq` at a seeded random position, as one transaction (one update on the wire).
 * Random positions make concurrent writers interleave as people do, not just append.
 */
export function typeToken(text: Y.Text, seq: number, random: prng.PRNG): void {
  text.insert(prng.uint32(random, 0, text.length), token(seq));
}

/**
 * Types edit `seq` as {@link typeToken} does, but at the start of the word at the random position,
 * never inside one. The relay-latency watcher recognises a word only while it is one string in the
 * update a receiver decodes; when a word typed inside another travels in the same merged relay
 * frame as that other word (two words in one commit: a busy server), the receiver's update holds
 * the other word in two pieces (`w1`, `2 `), that word is never seen and the run times out.
 */
export function typeTokenBetweenWords(text: Y.Text, seq: number, random: prng.PRNG): void {
  const before = text.toString().slice(0, prng.uint32(random, 0, text.length));
  text.insert(before.lastIndexOf(' ') + 1, token(seq));
}

/**
 * Calls `onToken` for every word that reaches `doc` from the network (transaction origin
 * `remote`, the provider), never for local typing. Returns the unsubscribe function.
 *
 * It reads the update itself (a few structs) rather than a Y.Text event's delta, which walks the
 * whole text on every change: with 100 clients in one process that walk, not the server, became
 * the bottleneck. Only inserted strings are read, so a word split later is never counted twice.
 */
export function watchTokens(doc: Y.Doc, remote: unknown, onToken: (seq: number) => void): () => void {
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== remote) return;
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      for (const match of struct.content.str.matchAll(tokenPattern)) onToken(Number(match[1]));
    }
  };
  doc.on('update', onUpdate);
  return () => doc.off('update', onUpdate);
}
