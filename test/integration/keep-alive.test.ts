/**
 * The sync endpoint's text keep-alive on both runtimes: `ping` is answered `pong` and the socket
 * stays open (on Workers the runtime answers it without waking the board's object); any other text
 * frame closes the socket with 1007.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CloseCode, keepAlive } from '../../shared/sync-protocol.ts';
import { cookieWebSocket } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { createBoard, signUp } from '../support/test-server.ts';

function nextMessage(ws: WebSocket, textOnly: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      if (textOnly && isBinary) return;
      ws.off('message', onMessage);
      resolve(data.toString());
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
}

describe.each(targets)('keep-alive on %s', (target) => {
  let app: Target;
  beforeAll(async () => (app = await target.start()));
  afterAll(() => app?.dispose());

  it('answers a text ping with pong and keeps the socket, and closes on any other text with 1007', async () => {
    const ann = await signUp(app, 'Ann');
    const boardId = await createBoard(app, ann);
    const Socket = cookieWebSocket(ann.cookie);
    const ws = new Socket(`${app.wsUrl}/sync/${boardId}`) as unknown as WebSocket;
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const pong = nextMessage(ws, true);
    ws.send(keepAlive.ping);
    expect(await pong).toBe(keepAlive.pong);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('hello');
    expect(await closed).toBe(CloseCode.malformedMessage);
  });
});
