/**
 * Constants of the y-websocket wire protocol and of Common Ground's sync endpoint.
 *
 * y-protocols defines the payloads (sync step 1/2/update, awareness, auth) but not the outer
 * message tag that y-websocket puts in front of them; both sides import the tags from here so no
 * test or module copies a magic number.
 */

/** The first varUint of every y-websocket frame. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/**
 * A text frame `ping` is answered with a text frame `pong` and nothing else happens: a keep-alive a
 * client may send. On Workers the runtime answers it without waking the board's Durable Object.
 * Any other text frame is malformed (1007).
 */
export const keepAlive = { ping: 'ping', pong: 'pong' } as const;

/**
 * WebSocket close codes the sync endpoint uses. 44xx mirror the HTTP statuses they stand for so a
 * client can stop retrying and explain why in plain words.
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame was not a valid y-websocket message; only that socket is closed. */
  malformedMessage: 1007,
  /** A frame exceeded {@link maxMessageBytes}. */
  messageTooBig: 1009,
  /** The server could not load or save the board; the client retries and nothing is lost. */
  serverError: 1011,
  /** No valid session. */
  unauthenticated: 4401,
  /** Signed in, but not a member of this board (or removed from it). */
  forbidden: 4403,
  /** No board with this id (or it was deleted). */
  notFound: 4404,
  /**
   * A change this socket sent was refused: it does not fit the board document's schema or is not
   * one its sender may make (docs/sync-protocol.md, "The guard"). Nothing of it was stored or
   * relayed. 4400–4499, so y-websocket does not reconnect and send it again: the page loads the
   * board afresh from the server and says a change could not be saved.
   */
  changeRefused: 4422,
  /**
   * This person's access to the board changed: reconnect (y-websocket does, as for any code
   * outside 4400–4499) and read the new access, so the page shows the right controls at once.
   */
  accessChanged: 4501,
  /**
   * The server could not save this board's changes after retrying (e.g. its database refuses the
   * writes). Nothing of the refused changes was relayed; the client keeps them and retries later
   * (4500–4599: y-websocket reconnects), when they are sent again.
   */
  cannotSave: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client must not reconnect without the person doing something. */
export const terminalCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.unauthenticated,
  CloseCode.forbidden,
  CloseCode.notFound,
]);

/** The reason strings sent in the y-protocols permission-denied message and the close frame. */
export const closeReasons: Readonly<Record<number, string>> = {
  [CloseCode.goingAway]: 'server is restarting',
  [CloseCode.malformedMessage]: 'malformed message',
  [CloseCode.messageTooBig]: 'message too big',
  [CloseCode.serverError]: 'server error, retrying',
  [CloseCode.unauthenticated]: 'sign in to open this board',
  [CloseCode.forbidden]: 'you are not a member of this board',
  [CloseCode.notFound]: 'this board does not exist',
  [CloseCode.changeRefused]: 'a change could not be saved: it is not allowed or does not fit the board',
  [CloseCode.accessChanged]: 'your access to this board changed',
  [CloseCode.cannotSave]: 'the server cannot save this board right now',
};

/** Largest frame the server accepts (32 MiB); larger frames close the socket with 1009. */
export const maxMessageBytes = 32 * 1024 * 1024;

/** The path prefix of the sync endpoint: `/sync/:boardId`. */
export const syncPath = '/sync';
