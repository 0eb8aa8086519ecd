/**
 * The one HTTP API agent of the client. Every call to the contract's JSON routes goes through
 * here, so the stores never touch fetch and every failure arrives as one typed {@link ApiError}
 * that is thrown — never returned as data (the solid-realworld mistake we avoid).
 */
import type {
  Board,
  ListedBoard,
  BoardNews,
  CreateBoardBody,
  CreatedInvite,
  CreateInviteBody,
  Invite,
  InvitePreview,
  LoginBody,
  Member,
  MyCommentsAnswer,
  MyDots,
  MyFeelingKey,
  MyFeelings,
  MyPerspective,
  PerspectiveLines,
  PostCommentBody,
  PutFeelingBody,
  RegisterBody,
  ServerTime,
  SessionActionBody,
  UpdateCommentBody,
  User,
  VoteActionBody,
} from '../../shared/api.ts';
import type { Access } from '../../shared/access.ts';
import type { WithdrawRequest, WithdrawResult } from '../../shared/consent.ts';
import type { HistoryList, HistoryVersion, RestoreRequest, RestoreResult } from '../../shared/history.ts';
import { errorStatus, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';

/** One problem with one field of a request body, as the server reports it. */
export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * An expected failure of an API call: the contract's error code, the HTTP status (0 when the
 * server could not be reached at all) and a message in plain words that may be shown to a person.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: readonly ApiIssue[];
  /**
   * The code exactly as the server sent it, even one this client does not know yet (such as
   * `invite_expired`); `code` then falls back to the nearest known one for the status.
   */
  readonly serverCode: string;

  constructor(init: {
    code: ErrorCode;
    status: number;
    message: string;
    issues?: readonly ApiIssue[];
    serverCode?: string;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.issues = init.issues ?? [];
    this.serverCode = init.serverCode ?? init.code;
  }
}

/** The contract's routes the client uses, one method each. All of them throw {@link ApiError}. */
export interface Api {
  register(body: RegisterBody): Promise<User>;
  login(body: LoginBody): Promise<User>;
  logout(): Promise<void>;
  /** The signed-in person; throws an `ApiError` with status 401 when nobody is signed in. */
  me(): Promise<User>;
  listBoards(): Promise<ListedBoard[]>;
  createBoard(body: CreateBoardBody): Promise<Board>;
  getBoard(id: string): Promise<Board>;
  /** Makes an invite link for a board (facilitators only). The token is only ever shown now. */
  createInvite(boardId: string, body: CreateInviteBody): Promise<CreatedInvite>;
  /** A board's invites, stopped and ended ones included (facilitators only). */
  listInvites(boardId: string): Promise<Invite[]>;
  /** Stops an invite link working (facilitators only). */
  revokeInvite(boardId: string, inviteId: string): Promise<void>;
  /** What the invite link's board is about; 404 / 410 (expired, used up, stopped) otherwise. */
  previewInvite(token: string): Promise<InvitePreview>;
  /**
   * Joins the invite's board. Not signed in: pass the first name, and the server makes a guest
   * account and signs it in. Signed in: pass nothing. Answers the board's id.
   */
  acceptInvite(token: string, displayName?: string): Promise<string>;
  /** The people on a board with their access (any member may ask). */
  listMembers(boardId: string): Promise<Member[]>;
  /** Changes someone's access (facilitators only; 409 `last_facilitator` keeps one facilitator). */
  updateMember(boardId: string, userId: string, access: Access): Promise<Member>;
  /** Removes someone (facilitators), or leaves (your own id). 409 `last_facilitator` possible. */
  removeMember(boardId: string, userId: string): Promise<void>;
  /** Changes the signed-in person's name. */
  updateMe(body: { displayName: string }): Promise<User>;
  /** Adds an email and password to the signed-in (guest) account, so it can be used again. */
  addCredentials(body: { email: string; password: string }): Promise<User>;
  /** Ends every session of the signed-in person, on every device, this one included. */
  logoutEverywhere(): Promise<void>;
  /** What others added or changed on a board since the signed-in person was last there. */
  boardNews(boardId: string): Promise<BoardNews>;
  /** "Mark all as seen": nothing on the board is new to the signed-in person from now. */
  markBoardSeen(boardId: string): Promise<void>;
  /** Has the server write a comment (issue 13: used for one without a name); sending again is harmless. */
  postComment(boardId: string, body: PostCommentBody): Promise<void>;
  /** The comments the signed-in person posted without a name, and said "Me too" to. */
  myComments(boardId: string): Promise<MyCommentsAnswer>;
  /** Changes the words of one's own comment, or marks its conversation sorted / opens it again. */
  updateComment(boardId: string, commentId: string, body: UpdateCommentBody): Promise<void>;
  /** Deletes one's own comment. */
  deleteComment(boardId: string, commentId: string): Promise<void>;
  /** Says (true) or takes back (false) "Me too" to someone else's comment; answers the new count. */
  setMeToo(boardId: string, commentId: string, on: boolean): Promise<{ meToo: number; mine: boolean }>;
  /** Hides a comment with a reason shown in its place (facilitators only). */
  hideComment(boardId: string, commentId: string, reason: string): Promise<void>;
  /** Shows a hidden comment again (facilitators only). */
  showComment(boardId: string, commentId: string): Promise<void>;
  /**
   * Starts the board's PDF export (any member) with a query made by export/export-request.ts, and
   * answers the response as soon as it starts, for the page to read the body as it streams.
   */
  exportPdf(boardId: string, query: string, signal?: AbortSignal): Promise<Response>;
  /** The server's clock (issue 15), for a countdown that agrees across devices. */
  serverTime(): Promise<ServerTime>;
  /** Runs one of the live session's tools (facilitators only); answers the server's clock. */
  sessionAction(boardId: string, body: SessionActionBody): Promise<ServerTime>;
  /** This person's own dots in the board's open dot vote (issue 15); `left` null when none is open. */
  myDots(boardId: string): Promise<MyDots>;
  /** Opens, reveals or ends a dot vote (facilitators), or gives or takes back a dot; answers this person's own dots. */
  voteAction(boardId: string, body: VoteActionBody): Promise<MyDots>;
  /** Where this person's own feelings are in the board's document (issue 17: the server writes every feeling). */
  myFeelings(boardId: string): Promise<MyFeelings>;
  /** Gives, changes or (`feeling: null`) clears this person's own feeling on a card; answers its key in the document. */
  putFeeling(boardId: string, touchpointId: string, body: PutFeelingBody): Promise<MyFeelingKey>;
  /**
   * Withdraws a touchpoint's story for good (issue 17; its storyteller, or a facilitator on their
   * behalf), with the storyteller's feelings and comments there if asked; answers how many went.
   */
  withdrawStory(boardId: string, touchpointId: string, body: WithdrawRequest): Promise<WithdrawResult>;
  /** The board's kept versions, newest first (issue 17; any member). */
  listHistory(boardId: string): Promise<HistoryList>;
  /** One kept version: the map as it was. */
  historyVersion(boardId: string, versionId: string): Promise<HistoryVersion>;
  /** Puts a moment, a stage or the whole board back as a version had it, as a new change everyone sees. */
  restoreFromHistory(boardId: string, versionId: string, body: RestoreRequest): Promise<RestoreResult>;
  /** Which perspective this person chose on the board (issue 17) — only ever their own. */
  myPerspective(boardId: string): Promise<MyPerspective>;
  /** Chooses this person's own perspective (an id of `meta.perspectives`), or null for none. */
  choosePerspective(boardId: string, choice: string | null): Promise<MyPerspective>;
  /** Each perspective's line, worked out by the server at most every 10 minutes (any member). */
  perspectiveLines(boardId: string): Promise<PerspectiveLines>;
}

export interface ApiOptions {
  /** Prefix of every route; '' (the default) means the page's own origin, which the session cookie needs. */
  baseUrl?: string;
  /** The fetch to use; tests and other runtimes may pass their own. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

const unreachableMessage =
  'We could not reach Common Ground. Please check your internet connection, then try again.';

/** Plain words for answers that came without the contract's error body (a proxy, a crash). */
function fallbackMessage(status: number): string {
  if (status === 401) return 'Please sign in first.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'We could not find that.';
  if (status === 409) return 'That could not be done. Please reload the page and try again.';
  if (status === 410) return 'This link has stopped working.';
  if (status === 429) return 'That was a lot of tries. Please wait a minute, then try again.';
  if (status === 502 || status === 503 || status === 504) return unreachableMessage;
  return 'Something went wrong on our side. Please try again in a minute.';
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the contract's `{"error":{code,message,issues?}}` body, tolerating anything else. */
async function errorFromResponse(response: Response): Promise<ApiError> {
  const status = response.status;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (for example a proxy's HTML error page): fall back to plain words below.
  }
  const error = isRecord(body) ? body['error'] : undefined;
  if (!isRecord(error)) {
    return new ApiError({ code: fallbackCode(status), status, message: fallbackMessage(status) });
  }
  const issues: ApiIssue[] = [];
  const rawIssues: unknown = error['issues'];
  if (Array.isArray(rawIssues)) {
    for (const issue of rawIssues as unknown[]) {
      if (isRecord(issue) && typeof issue['message'] === 'string') {
        issues.push({ path: typeof issue['path'] === 'string' ? issue['path'] : '', message: issue['message'] });
      }
    }
  }
  const message = error['message'];
  return new ApiError({
    code: isErrorCode(error['code']) ? error['code'] : fallbackCode(status),
    status,
    message: typeof message === 'string' && message !== '' ? message : fallbackMessage(status),
    issues,
    serverCode: typeof error['code'] === 'string' ? error['code'] : undefined,
  });
}

/** Makes the API agent. Call once at start-up and pass the result into the store factories. */
export function createApi(options: ApiOptions = {}): Api {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));

  async function send(
    method: string,
    path: string,
    body?: unknown,
    { accept = 'application/json', signal }: { accept?: string; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(baseUrl + path, {
        method,
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (cause) {
      throw new ApiError({ code: 'unavailable', status: 0, message: unreachableMessage, cause });
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(method, path, body);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new ApiError({ code: 'internal', status: response.status, message: fallbackMessage(500), cause });
    }
  }

  const boardPath = (id: string) => `/api/boards/${encodeURIComponent(id)}`;
  const memberPath = (boardId: string, userId: string) => `${boardPath(boardId)}/members/${encodeURIComponent(userId)}`;
  const invitePath = (token: string) => `/api/invites/${encodeURIComponent(token)}`;

  return {
    register: async (body) => (await json<{ user: User }>('POST', '/api/auth/register', body)).user,
    login: async (body) => (await json<{ user: User }>('POST', '/api/auth/login', body)).user,
    logout: async () => {
      await send('POST', '/api/auth/logout');
    },
    me: async () => (await json<{ user: User }>('GET', '/api/me')).user,
    listBoards: async () => (await json<{ boards: ListedBoard[] }>('GET', '/api/boards')).boards,
    createBoard: async (body) => (await json<{ board: Board }>('POST', '/api/boards', body)).board,
    getBoard: async (id) => (await json<{ board: Board }>('GET', boardPath(id))).board,
    createInvite: (boardId, body) => json<CreatedInvite>('POST', `${boardPath(boardId)}/invites`, body),
    listInvites: async (boardId) => (await json<{ invites: Invite[] }>('GET', `${boardPath(boardId)}/invites`)).invites,
    revokeInvite: async (boardId, inviteId) => {
      await send('DELETE', `${boardPath(boardId)}/invites/${encodeURIComponent(inviteId)}`);
    },
    previewInvite: (token) => json<InvitePreview>('GET', invitePath(token)),
    acceptInvite: async (token, displayName) =>
      (
        await json<{ boardId: string }>(
          'POST',
          `${invitePath(token)}/accept`,
          displayName === undefined ? {} : { displayName },
        )
      ).boardId,
    listMembers: async (boardId) => (await json<{ members: Member[] }>('GET', `${boardPath(boardId)}/members`)).members,
    updateMember: async (boardId, userId, access) =>
      (await json<{ member: Member }>('PATCH', memberPath(boardId, userId), { access })).member,
    removeMember: async (boardId, userId) => {
      await send('DELETE', memberPath(boardId, userId));
    },
    updateMe: async (body) => (await json<{ user: User }>('PATCH', '/api/me', body)).user,
    addCredentials: async (body) => (await json<{ user: User }>('POST', '/api/me/credentials', body)).user,
    logoutEverywhere: async () => {
      await send('POST', '/api/auth/logout-everywhere');
    },
    boardNews: (boardId) => json<BoardNews>('GET', `${boardPath(boardId)}/news`),
    markBoardSeen: async (boardId) => {
      await send('POST', `${boardPath(boardId)}/seen`);
    },
    postComment: async (boardId, body) => {
      await send('POST', `${boardPath(boardId)}/comments`, body);
    },
    myComments: (boardId) => json<MyCommentsAnswer>('GET', `${boardPath(boardId)}/comments/mine`),
    updateComment: async (boardId, commentId, body) => {
      await send('PATCH', `${boardPath(boardId)}/comments/${encodeURIComponent(commentId)}`, body);
    },
    deleteComment: async (boardId, commentId) => {
      await send('DELETE', `${boardPath(boardId)}/comments/${encodeURIComponent(commentId)}`);
    },
    setMeToo: (boardId, commentId, on) =>
      json<{ meToo: number; mine: boolean }>(on ? 'PUT' : 'DELETE', `${boardPath(boardId)}/comments/${encodeURIComponent(commentId)}/me-too`),
    hideComment: async (boardId, commentId, reason) => {
      await send('PUT', `${boardPath(boardId)}/comments/${encodeURIComponent(commentId)}/hidden`, { reason });
    },
    showComment: async (boardId, commentId) => {
      await send('DELETE', `${boardPath(boardId)}/comments/${encodeURIComponent(commentId)}/hidden`);
    },
    exportPdf: (boardId, query, signal) =>
      send('GET', `${boardPath(boardId)}/export.pdf?${query}`, undefined, { accept: 'application/pdf', signal }),
    serverTime: () => json<ServerTime>('GET', '/api/time'),
    sessionAction: (boardId, body) => json<ServerTime>('POST', `${boardPath(boardId)}/session`, body),
    myDots: (boardId) => json<MyDots>('GET', `${boardPath(boardId)}/vote`),
    voteAction: (boardId, body) => json<MyDots>('POST', `${boardPath(boardId)}/vote`, body),
    myFeelings: (boardId) => json<MyFeelings>('GET', `${boardPath(boardId)}/feelings/mine`),
    putFeeling: (boardId, touchpointId, body) => json<MyFeelingKey>('PUT', `${boardPath(boardId)}/feelings/${encodeURIComponent(touchpointId)}`, body),
    withdrawStory: (boardId, touchpointId, body) =>
      json<WithdrawResult>('POST', `${boardPath(boardId)}/touchpoints/${encodeURIComponent(touchpointId)}/withdraw`, body),
    listHistory: (boardId) => json<HistoryList>('GET', `${boardPath(boardId)}/history`),
    historyVersion: (boardId, versionId) => json<HistoryVersion>('GET', `${boardPath(boardId)}/history/${encodeURIComponent(versionId)}`),
    restoreFromHistory: (boardId, versionId, body) =>
      json<RestoreResult>('POST', `${boardPath(boardId)}/history/${encodeURIComponent(versionId)}/restore`, body),
    myPerspective: (boardId) => json<MyPerspective>('GET', `${boardPath(boardId)}/perspective`),
    choosePerspective: (boardId, choice) => json<MyPerspective>('PUT', `${boardPath(boardId)}/perspective`, { choice }),
    perspectiveLines: (boardId) => json<PerspectiveLines>('GET', `${boardPath(boardId)}/perspectives`),
  };
}
