/**
 * The board's members, for the facilitator choosing a priority area's co-design group (issue 16):
 * `GET /api/boards/:id/members` as a createResource, asked when a chooser first opens and again
 * each time one opens (someone may have joined meanwhile). Read through `latest`, never by calling
 * the resource, so asking again never suspends the board; a failure is told in the API's words
 * with "Try again"; any other failure is thrown to the view's error boundary.
 */
import { createResource, createSignal, type Accessor } from 'solid-js';
import type { Member } from '../../../../../shared/api.ts';
import { ApiError, type Api } from '../../../api.ts';

export interface BoardMembers {
  /** The members by first name, A to Z; null until the server has answered. */
  list: Accessor<readonly Member[] | null>;
  /** The server's words when it could not say. */
  error: Accessor<string | null>;
  /** Asks (again). */
  ask(): void;
}

export function createBoardMembers(api: Api, boardId: string): BoardMembers {
  const [asked, setAsked] = createSignal(false);
  const [members, { refetch }] = createResource(
    () => (asked() ? boardId : false),
    async (id) => [...(await api.listMembers(id))].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  );
  return {
    list: () => (members.state === 'ready' || members.state === 'refreshing' ? members.latest : null),
    error: () => {
      if (members.state !== 'errored') return null;
      const error: unknown = members.error;
      // Anything but the API's refusal is a fault of the page: the view's error boundary shows it.
      if (!(error instanceof ApiError)) throw error;
      return error.message;
    },
    ask() {
      if (asked()) void refetch();
      else setAsked(true);
    },
  };
}
