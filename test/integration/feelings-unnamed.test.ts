/**
 * Feelings without names (issue 17), on both runtimes, watched through stock y-websocket clients
 * and the HTTP API:
 * - A person gives, changes and clears their own feeling over HTTP; the server writes it under a
 *   key of its own with its own Yjs client id, so another member's document says how it felt and
 *   never whose (no key, value or writer names the person). Only the person is told their key.
 * - No client may write a feeling into the document, not even its own under its own id (4422,
 *   reaching nobody): a key the client chose would say whose it is.
 * - Bad requests get the contract's error shape and change nothing.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { giveFeeling, myFeelings } from '../support/feelings.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const corridor = 'touch-corridor-feel';

describe.each(targets)('feelings without names on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  let watcher: SyncClient;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    boardTypes(fay.doc).touchpoints.set(
      corridor,
      newTouchpoint({ id: corridor, stageId: seeded.waiting, order: 'a0', title: 'Corridor', createdBy: cast.facilitate.id, createdAt: Date.now() }),
    );
    await roundTrip(fay);
    watcher = await syncedClient(app, boardId, cast.view, open);
  }, 120_000);
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const feelingsSeen = () => boardTypes(watcher.doc).feelings;
  const put = async (cookie: string, touchpointId: string, body: unknown) => {
    const response = await api(app, `/api/boards/${boardId}/feelings/${touchpointId}`, { method: 'PUT', body, cookie });
    return { status: response.status, body: (await response.json()) as { key?: string | null } & Partial<ErrorBody> };
  };

  it('writes a feeling under a key and a writer that name nobody; only its giver is told where it is', async () => {
    const key = await giveFeeling(app, boardId, cast.comment, corridor, { score: -2, words: ['frightened'] });
    expect(key).toMatch(new RegExp(`^${corridor}/[A-Za-z0-9_-]{22}$`));
    await waitUntil(() => feelingsSeen().get(key!)?.score === -2, 'the feeling reaches another member');
    const seen = feelingsSeen().get(key!)!;
    expect(seen.words).toEqual(['frightened']);
    expect(seen.at % 60_000).toBe(0); // to the minute, not the moment
    // Nothing of it names the giver: not its key, not its value, not the Yjs client that wrote it.
    expect(key).not.toContain(cast.comment.id);
    expect(JSON.stringify(boardTypes(watcher.doc).feelings.toJSON())).not.toContain(cast.comment.id);
    const writers = new Set<number>();
    const writtenBy = (item: Y.Item | null) => {
      for (let at = item; at !== null; at = at.left) if (at.parentSub === key) writers.add(at.id.client);
    };
    writtenBy((feelingsSeen() as unknown as { _map: Map<string, Y.Item> })._map.get(key!) ?? null);
    expect(writers.size).toBe(1);
    const commentersClient = open.find((client) => client.doc.clientID === [...writers][0]);
    expect(commentersClient).toBeUndefined();
    // The giver is told their key; nobody else is told anything of it.
    expect((await myFeelings(app, boardId, cast.comment)).feelings).toEqual({ [corridor]: key });
    expect((await myFeelings(app, boardId, cast.edit)).feelings).toEqual({});
  });

  it('changes a feeling in place and clears it', async () => {
    const first = await giveFeeling(app, boardId, cast.edit, corridor, { score: 1 });
    const second = await giveFeeling(app, boardId, cast.edit, corridor, { score: 2, words: ['listened to'] });
    expect(second).toBe(first);
    await waitUntil(() => feelingsSeen().get(first!)?.score === 2, 'the change reaches another member');
    expect(await giveFeeling(app, boardId, cast.edit, corridor, null)).toBeNull();
    await waitUntil(() => !feelingsSeen().has(first!), 'the clearing reaches another member');
    expect((await myFeelings(app, boardId, cast.edit)).feelings).toEqual({});
  });

  it('keeps how it feels now (the review) apart from how it felt', async () => {
    const now = await giveFeeling(app, boardId, cast.comment, seeded.reception, { score: 1 }, 'feelingsAfter');
    await waitUntil(() => boardTypes(watcher.doc).feelingsAfter.get(now!)?.score === 1, 'the feeling now reaches another member');
    expect((await myFeelings(app, boardId, cast.comment)).feelingsAfter).toEqual({ [seeded.reception]: now });
  });

  it('refuses bad requests with the contract error shape, changing nothing', async () => {
    const before = JSON.stringify(feelingsSeen().toJSON());
    const cases: [string, string, unknown, number, string][] = [
      ['view', corridor, { feeling: { score: 1, words: [] } }, 403, 'forbidden'],
      ['comment', 'touch-nowhere-1', { feeling: { score: 1, words: [] } }, 404, 'not_found'],
      ['comment', corridor, { feeling: { score: 3, words: [] } }, 400, 'invalid_body'],
      ['comment', corridor, { feeling: { score: 1.5, words: [] } }, 400, 'invalid_body'],
      ['comment', corridor, { feeling: { score: 1, words: ['x'.repeat(41)] } }, 400, 'invalid_body'],
      ['comment', corridor, { feeling: { score: 1, words: ['a\u0007b'] } }, 400, 'invalid_body'],
      ['comment', corridor, { map: 'votes', feeling: null }, 400, 'invalid_body'],
      ['comment', corridor, { feeling: { score: 1, words: [] }, who: 'someone' }, 400, 'invalid_body'],
    ];
    for (const [who, touchpointId, body, status, code] of cases) {
      const person = cast[who as keyof Cast];
      const answer = await put(person.cookie, touchpointId, body);
      expect([answer.status, answer.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      expect(typeof answer.body.error?.message).toBe('string');
    }
    await roundTrip(watcher);
    expect(JSON.stringify(feelingsSeen().toJSON())).toBe(before);
  });

  it('refuses a feeling any client writes itself, even its own under its own id: 4422, reaching nobody', async () => {
    const sam = await syncedClient(app, boardId, cast.comment, open);
    const closed = nextCloseCode(sam.provider, 20_000);
    const ownKey = participantKey(corridor, cast.comment.id);
    boardTypes(sam.doc).feelings.set(ownKey, { score: 2, words: [], at: Date.now() });
    expect(await closed).toBe(CloseCode.changeRefused);
    sam.provider.disconnect();
    await roundTrip(watcher);
    expect(feelingsSeen().has(ownKey)).toBe(false);
  });
});
