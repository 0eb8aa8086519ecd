/**
 * Hidden dot voting as this page follows it (issue 15). The vote itself — open or showing its
 * results, how many dots each, how many people have voted — and, after the reveal, the totals are
 * read live from the board document (`session.vote` and `votes`, which only the server writes,
 * shared/vote.ts). This person's own dots are never in the document: they are asked of the server
 * (`GET /api/boards/:id/vote`, a resource keyed on the vote's id, so a new vote asks afresh) and
 * set from the server's answer to each press — the server's answer is the truth. Every request
 * of this person goes out one at a time (one-at-a-time.ts), so quick presses cannot race; while
 * presses are on their way, the buttons already count them, so nobody queues a dot they do not
 * have. What changes is said through the board's polite announcer (vote-words.ts). Made once by
 * VoteRoot (vote-context.tsx).
 */
import { batch, createEffect, createMemo, createResource, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { MyDots, VoteActionBody } from '../../../../../shared/api.ts';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { dotTotals, voteOf, type VoteState } from '../../../../../shared/vote.ts';
import { ApiError, type Api } from '../../../api.ts';
import type { Announcer } from '../../announcer.ts';
import { createOneAtATime } from './one-at-a-time.ts';
import { dotNews, giveBlockedWords, takeBlockedWords, voteNews, votingOffline } from './vote-words.ts';

/** The facilitator's actions (the dots are `give` and `take`). */
export type FacilitatorVoteAction = Extract<VoteActionBody, { action: 'open' | 'reveal' | 'end' }>;

export interface DotVote {
  /** The open or revealed vote, or null. */
  vote: Accessor<VoteState | null>;
  /** The revealed totals (touchpoint id → dots); empty before the reveal. */
  totals: Accessor<ReadonlyMap<string, number>>;
  /** Whether this person may give dots (`comment` and up). */
  mayVote: Accessor<boolean>;
  /** This person's dots on a card in the open vote, as the server last said; null when not known. */
  mine(touchpointId: string): number | null;
  /** This person's dots left in the open vote, as the server last said; null when not known. */
  left: Accessor<number | null>;
  /** Why a dot cannot be given now (counting the presses on their way), or null. */
  whyNotGive(): string | null;
  /** Why a dot cannot be taken back from this card now, or null. */
  whyNotTake(touchpointId: string): string | null;
  /** Gives a dot to the card; answers null when the server did it, else the words said. */
  give(touchpointId: string, cardTitle: string): Promise<string | null>;
  /** Takes a dot back from the card; answers null when the server did it, else the words said. */
  take(touchpointId: string, cardTitle: string): Promise<string | null>;
  /** The facilitator's open, reveal or end; answers the API's refusal, or null. */
  run(body: FacilitatorVoteAction): Promise<ApiError | null>;
}

export interface DotVoteOptions {
  doc: Y.Doc;
  boardId: string;
  api: Api;
  mayVote: Accessor<boolean>;
  online: Accessor<boolean>;
  announcer: Announcer;
}

/** A press sent but not answered yet. */
interface Press {
  action: 'give' | 'take';
  touchpointId: string;
}

/** The server's answer, with the vote it was about. */
interface Answer {
  voteId: string;
  dots: MyDots;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Follows the board's vote for this page. Call inside a component, once per board. */
export function createDotVote(options: DotVoteOptions): DotVote {
  const { doc, api, boardId, announcer } = options;
  const { session, votes } = boardTypes(doc);
  const [vote, setVote] = createSignal(voteOf(doc), { equals: sameJson });
  const [totals, setTotals] = createSignal<ReadonlyMap<string, number>>(dotTotals(doc), { equals: (a, b) => sameJson([...a], [...b]) });
  const onSession = () => setVote(voteOf(doc));
  const onVotes = () => setTotals(dotTotals(doc));
  session.observe(onSession);
  votes.observe(onVotes);
  onCleanup(() => {
    session.unobserve(onSession);
    votes.unobserve(onVotes);
  });

  const queue = createOneAtATime();
  // The open vote's id for someone who may vote: asked once per vote (and again when back online).
  const openVoteId = () => {
    const current = vote();
    return current !== null && current.status === 'open' && options.mayVote() ? current.id : null;
  };
  const [answer, { mutate, refetch }] = createResource(openVoteId, (voteId) =>
    queue.run(() => api.myDots(boardId)).then((dots): Answer => ({ voteId, dots })),
  );
  createEffect(on(options.online, (live) => live && openVoteId() !== null && void refetch(), { defer: true }));
  // Reading an errored resource throws, and reading one still loading would suspend the board:
  // only an answer in hand, and only about the vote open now.
  const known = createMemo<MyDots | null>(() => {
    if (answer.state !== 'ready' && answer.state !== 'refreshing') return null;
    const latest = answer.latest;
    return latest !== undefined && latest.voteId === openVoteId() ? latest.dots : null;
  });

  const [pressing, setPressing] = createSignal<readonly Press[]>([]);
  const pendingFor = (touchpointId: string | null) => {
    let change = 0;
    for (const press of pressing()) {
      if (touchpointId === null || press.touchpointId === touchpointId) change += press.action === 'give' ? 1 : -1;
    }
    return change;
  };
  const mine = (touchpointId: string) => {
    const dots = known();
    return dots === null ? null : (dots.mine[touchpointId] ?? 0);
  };
  const left = () => known()?.left ?? null;

  const press = async (action: 'give' | 'take', touchpointId: string, cardTitle: string): Promise<string | null> => {
    const why = action === 'give' ? whyNotGive() : whyNotTake(touchpointId);
    if (why !== null) {
      announcer.say(why);
      return why;
    }
    const entry: Press = { action, touchpointId };
    setPressing((list) => [...list, entry]);
    const voteId = openVoteId();
    const settled = () => setPressing((list) => list.filter((item) => item !== entry));
    try {
      const dots = await queue.run(() => api.voteAction(boardId, { action: action === 'give' ? 'give-dot' : 'take-dot', touchpointId }));
      // The answer and the press it settles change together, so the count never jumps twice.
      batch(() => {
        settled();
        if (voteId !== null && voteId === openVoteId()) mutate({ voteId, dots });
      });
      announcer.say(dotNews(action, cardTitle, dots.left ?? 0));
      return null;
    } catch (err) {
      settled();
      if (!(err instanceof ApiError)) throw err;
      const words = err.status === 0 ? votingOffline : err.message;
      announcer.say(words);
      // Refused: what the page knew may be out of date (another tab, the vote ended): ask again.
      if (err.status !== 0 && openVoteId() !== null) void refetch();
      return words;
    }
  };

  function whyNotGive(): string | null {
    if (!options.online()) return votingOffline;
    const now = left();
    return now !== null && now - pendingFor(null) <= 0 ? giveBlockedWords : null;
  }
  function whyNotTake(touchpointId: string): string | null {
    if (!options.online()) return votingOffline;
    const here = mine(touchpointId);
    return here !== null && here + pendingFor(touchpointId) <= 0 ? takeBlockedWords : null;
  }

  // News for everyone, only while live: what comes with opening or reconnecting is shown, not told.
  createEffect(
    on(
      vote,
      (after, before) => {
        if (!options.online()) return;
        const news = voteNews(before ?? null, after, options.mayVote());
        if (news !== null) announcer.say(news);
      },
      { defer: true },
    ),
  );

  return {
    vote,
    totals,
    mayVote: options.mayVote,
    mine,
    left,
    whyNotGive,
    whyNotTake,
    give: (touchpointId, cardTitle) => press('give', touchpointId, cardTitle),
    take: (touchpointId, cardTitle) => press('take', touchpointId, cardTitle),
    async run(body) {
      try {
        await queue.run(() => api.voteAction(boardId, body));
        return null;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        return err;
      }
    },
  };
}
