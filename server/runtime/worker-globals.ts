/**
 * Workers globals the project's DOM + Node typings don't know, typed from
 * @cloudflare/workers-types and read lazily (only workerd has them).
 */
import type { WebSocket as WorkerSocket } from '@cloudflare/workers-types';

interface WorkersGlobals {
  WebSocketPair: new () => { 0: WorkerSocket; 1: WorkerSocket };
  WebSocketRequestResponsePair: new (request: string, response: string) => unknown;
}

const workers = () => globalThis as unknown as WorkersGlobals;

/** A connected pair of WebSockets: [the one to return to the client, the one to serve]. */
export function webSocketPair(): [client: WorkerSocket, server: WorkerSocket] {
  const pair = new (workers().WebSocketPair)();
  return [pair[0], pair[1]];
}

/** A request/response pair the runtime answers itself, without waking a Durable Object. */
export function autoResponse(request: string, response: string) {
  return new (workers().WebSocketRequestResponsePair)(request, response) as never;
}

/** A 101 response carrying the client end of a WebSocket pair. */
export function upgradedResponse(client: unknown, headers?: HeadersInit): Response {
  return new Response(null, { status: 101, headers, webSocket: client } as ResponseInit);
}
