/**
 * Where this person's own feelings are in the board's document (issue 17). The server writes every
 * feeling under a key that names nobody and tells each person only their own keys: the answer to
 * `GET /api/boards/:id/feelings/mine` (a Solid resource, asked again when the board's connection
 * is back) and the key in each answer to a PUT (own-feelings.ts). Whichever of the two is newer
 * wins for a card. The last known keys are kept on this device (per account and board, forgotten
 * at sign-out), so a board opened offline still shows the person's own feelings as theirs.
 */
import { createEffect, createMemo, createResource, createSignal, on, type Accessor } from 'solid-js';
import type { FeelingMapName, MyFeelings } from '../../../../shared/api.ts';
import { ApiError, type Api } from '../../api.ts';
import { feelingMaps, feelingsStoragePrefix } from './feeling-outbox.ts';
import { cardOf } from './waiting-feelings.ts';

export interface MyFeelingKeys {
  /** The key of this person's own feeling on a card, or null when they have none (or it is not known). */
  ownKey(map: FeelingMapName, touchpointId: string): string | null;
  /** Whether a key in the document is (or was) one of this person's own. */
  isMine(map: FeelingMapName, key: string): boolean;
  /** The server's answer to a PUT: the card's key now (null once cleared). */
  learn(map: FeelingMapName, touchpointId: string, key: string | null): void;
}

interface Asked {
  mine: MyFeelings;
  /** When it was asked, in the order of {@link MyFeelingKeys.learn}'s stamps (0: from this device). */
  stamp: number;
}

/** The key the server gave in its answer to a PUT. */
interface Learnt {
  map: FeelingMapName;
  touchpointId: string;
  key: string | null;
  /** Later answers and askings have higher stamps. */
  stamp: number;
}

const setKey = (mine: MyFeelings, { map, touchpointId, key }: Learnt) => {
  if (key === null) delete mine[map][touchpointId];
  else mine[map][touchpointId] = key;
};

const cacheKey = (userId: string, boardId: string) => `${feelingsStoragePrefix}mine:${userId}:${boardId}`;
const none = (): MyFeelings => ({ feelings: {}, feelingsAfter: {} });

function readCache(userId: string, boardId: string): MyFeelings {
  try {
    const stored = JSON.parse(localStorage.getItem(cacheKey(userId, boardId)) ?? 'null') as Partial<MyFeelings> | null;
    const map = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, string>) : {});
    return { feelings: map(stored?.feelings), feelingsAfter: map(stored?.feelingsAfter) };
  } catch {
    return none();
  }
}

function writeCache(userId: string, boardId: string, mine: MyFeelings): void {
  try {
    localStorage.setItem(cacheKey(userId, boardId), JSON.stringify(mine));
  } catch {
    // Not kept: offline, this person's feelings show only once the server can say again.
  }
}

/** Follows where `userId`'s own feelings are on `boardId`. Call inside a component, once per board. */
export function createMyFeelingKeys(api: Api, boardId: string, userId: string, online: Accessor<boolean>): MyFeelingKeys {
  let stamps = 0;
  const [answer, { refetch }] = createResource<Asked, string>(
    () => boardId,
    async (id) => {
      const stamp = ++stamps;
      try {
        const mine = await api.myFeelings(id);
        // Kept on this device as the page will see it: with answers to PUTs made since it was asked.
        const kept: MyFeelings = { feelings: { ...mine.feelings }, feelingsAfter: { ...mine.feelingsAfter } };
        for (const put of learnt().values()) if (put.stamp > stamp) setKey(kept, put);
        writeCache(userId, boardId, kept);
        return { mine, stamp };
      } catch (err) {
        // Not reached (offline, the server busy): what this device knew stands.
        if (err instanceof ApiError && (err.status === 0 || err.status >= 500)) return { mine: readCache(userId, boardId), stamp: 0 };
        throw err;
      }
    },
    { initialValue: { mine: readCache(userId, boardId), stamp: 0 } },
  );
  // Back online: ask again (a feeling may have been given or cleared on another device).
  createEffect(on(online, (live) => live && void refetch(), { defer: true }));
  // `latest`: asking again must not suspend the board; an errored answer (no longer a member) knows nothing.
  const asked = (): Asked | undefined => (answer.state === 'errored' ? undefined : answer.latest);

  const [learnt, setLearnt] = createSignal<ReadonlyMap<string, Learnt>>(new Map());
  // Every key known to be this person's, as `map key`: a cleared one may linger a moment in the document.
  const answerKeys = createMemo(() => {
    const keys = new Set<string>();
    const mine = asked()?.mine;
    if (mine !== undefined) for (const map of feelingMaps) for (const key of Object.values(mine[map])) keys.add(`${map} ${key}`);
    return keys;
  });
  const [learntKeys, setLearntKeys] = createSignal<ReadonlySet<string>>(new Set());

  const ownKey = (map: FeelingMapName, touchpointId: string): string | null => {
    const fromAnswer = asked();
    const fromPut = learnt().get(cardOf(map, touchpointId));
    if (fromPut !== undefined && (fromAnswer === undefined || fromPut.stamp > fromAnswer.stamp)) return fromPut.key;
    return fromAnswer?.mine[map][touchpointId] ?? null;
  };

  return {
    ownKey,
    isMine: (map, key) => answerKeys().has(`${map} ${key}`) || learntKeys().has(`${map} ${key}`),
    learn(map, touchpointId, key) {
      const put: Learnt = { map, touchpointId, key, stamp: ++stamps };
      setLearnt(new Map(learnt()).set(cardOf(map, touchpointId), put));
      if (key !== null) setLearntKeys(new Set([...learntKeys(), `${map} ${key}`]));
      // What this device keeps follows the answer too.
      const cached = readCache(userId, boardId);
      setKey(cached, put);
      writeCache(userId, boardId, cached);
    },
  };
}
