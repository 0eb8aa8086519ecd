/**
 * The facilitator's session actions, the Solid way (issue 15): pressing a control sets the
 * request, and a resource sends it (`POST /api/boards/:id/session`) timed by the server's clock
 * (its answer's `now` may sharpen the page's offset, server-clock.ts). What happened shows in the
 * document, for everyone; a refusal or failure is kept as the API's error, in its plain words.
 */
import { createResource, createSignal, type Accessor } from 'solid-js';
import type { SessionActionBody } from '../../../../shared/api.ts';
import { ApiError, type Api } from '../../api.ts';
import type { ServerClock } from './server-clock.ts';

export interface SessionRequests {
  /** Sends `body`; false when one is still on its way (nothing is sent). */
  send(body: SessionActionBody): boolean;
  busy: Accessor<boolean>;
  /** What went wrong with the last request, or null. */
  error: Accessor<ApiError | null>;
  /** Which action the last request was, to say where its error belongs. */
  last: Accessor<SessionActionBody['action'] | null>;
}

interface SessionRequest {
  body: SessionActionBody;
  /** Makes pressing the same control again a new request. */
  attempt: number;
}

export function createSessionRequests(api: Api, boardId: string, clock: ServerClock): SessionRequests {
  const [request, setRequest] = createSignal<SessionRequest | null>(null);
  const [answer] = createResource(request, ({ body }) => clock.timed(() => api.sessionAction(boardId, body)));
  let attempts = 0;
  const busy = () => answer.loading;
  return {
    send(body) {
      if (busy()) return false;
      setRequest({ body, attempt: ++attempts });
      return true;
    },
    busy,
    error: () => {
      if (answer.loading || answer.state !== 'errored') return null;
      const error: unknown = answer.error;
      return error instanceof ApiError ? error : new ApiError({ code: 'internal', status: 0, message: 'That did not work. Please try again.' });
    },
    last: () => request()?.body.action ?? null,
  };
}
