/**
 * One session action sent for a person's press (issue 15: raise or lower a hand, bring everyone
 * here), timed by the server's clock like the facilitator's other tools (server-clock.ts). It
 * answers null when the server did it, or the words to show and say when it did not: the API's
 * own message, or `offline` when the server could not be reached. Nothing is queued: a hand raised
 * an hour later, or everyone moved long after the moment, would mean little.
 */
import type { SessionActionBody } from '../../../../../shared/api.ts';
import { ApiError, type Api } from '../../../api.ts';
import type { ServerClock } from '../server-clock.ts';

export async function askSession(api: Api, clock: ServerClock, boardId: string, body: SessionActionBody, offline: string): Promise<string | null> {
  try {
    await clock.timed(() => api.sessionAction(boardId, body));
    return null;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return err.status === 0 ? offline : err.message;
  }
}
