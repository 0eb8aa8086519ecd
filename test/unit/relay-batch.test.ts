/** Fan-out batching: one frame per turn, merged, and a lone update skips its sender. */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/sync-protocol.ts';
import { RelayBatcher } from '../../server/sync/relay-batch.ts';

function updatesOf(doc: Y.Doc, edits: string[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const edit of edits) doc.getText('t').insert(doc.getText('t').length, edit);
  return updates;
}

function applyFrame(doc: Y.Doc, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
  Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
}

describe('RelayBatcher', () => {
  it('sends the updates committed in one turn as one merged frame to everyone', async () => {
    const sent: { message: Uint8Array; except: string | null }[] = [];
    const batcher = new RelayBatcher<string>({ broadcast: (message, except) => sent.push({ message, except }) });
    const updates = updatesOf(new Y.Doc(), ['a', 'b', 'c']);
    updates.forEach((update, i) => batcher.add(update, i === 0 ? 'alice' : 'bob'));
    expect(sent).toHaveLength(0); // nothing before the turn ends
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.except).toBeNull();
    const receiver = new Y.Doc();
    applyFrame(receiver, sent[0]!.message);
    expect(receiver.getText('t').toString()).toBe('abc');
  });

  it('relays a lone update to everyone but its sender, and nothing after stop()', async () => {
    const sent: { except: string | null }[] = [];
    const batcher = new RelayBatcher<string>({ broadcast: (_message, except) => sent.push({ except }) });
    const [update] = updatesOf(new Y.Doc(), ['x']);
    batcher.add(update!, 'alice');
    await Promise.resolve();
    expect(sent).toEqual([{ except: 'alice' }]);
    batcher.stop();
    batcher.add(update!, 'alice');
    await Promise.resolve();
    expect(sent).toHaveLength(1);
  });
});
