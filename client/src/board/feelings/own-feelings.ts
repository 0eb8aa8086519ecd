/**
 * This person's own feelings on the board page (issue 17: feelings without names). The page never
 * writes a feeling into the document — the server does, under a key that names nobody — so a
 * choice is kept on this device at once (feeling-outbox.ts) and shown as theirs straight away,
 * then sent with `PUT /api/boards/:id/feelings/:touchpointId`: one request at a time per card,
 * the newest choice replacing any still waiting (waiting-feelings.ts), so a slow answer never
 * lands after a newer choice. It leaves the device once the server answered; a refusal (the card
 * is gone, the person may only look) drops it and says so; a network failure keeps it, sent again
 * when the browser or the board's connection is back. Where their feelings are in the document
 * comes from my-feeling-keys.ts. Made once per board page by FeelingsRoot (feelings-context.tsx).
 */
import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import type * as Y from 'yjs';
import type { FeelingMapName } from '../../../../shared/api.ts';
import { boardTypes, type Feeling } from '../../../../shared/board-document.ts';
import { readFeeling } from '../../../../shared/feeling-stats.ts';
import { ApiError, type Api } from '../../api.ts';
import { randomId } from '../random-id.ts';
import { feelingMaps, readOutbox, writeOutbox, type FeelingChoice, type WaitingFeeling } from './feeling-outbox.ts';
import { keptOnDevice, notKeptOnDevice, notSaved } from './feeling-words.ts';
import { createMyFeelingKeys } from './my-feeling-keys.ts';
import { cardOf, ownShown, signature, stillArriving, waitingOn, withChoice, withoutAnswered, type Arriving } from './waiting-feelings.ts';

export interface OwnFeelings {
  /** This person's own feeling on a card as they last chose it; `inDoc` is the document's value at {@link ownKey}. */
  own(map: FeelingMapName, touchpointId: string, inDoc: Feeling | null): Feeling | null;
  /** The key of this person's own feeling on a card in the document, or null. */
  ownKey(map: FeelingMapName, touchpointId: string): string | null;
  /** Whether a key in the document is one of this person's own. */
  isMine(map: FeelingMapName, key: string): boolean;
  /** Gives, changes or (null) clears this person's feeling on a card. */
  give(map: FeelingMapName, touchpointId: string, feeling: FeelingChoice | null): void;
  /** Plain words about a choice on a card not saved yet — waiting for a connection, or refused — or null. */
  note(map: FeelingMapName, touchpointId: string): FeelingNote | null;
}

/** What the page says about a choice not saved yet. */
export interface FeelingNote {
  kind: 'waiting' | 'refused';
  words: string;
}

export interface OwnFeelingsOptions {
  api: Api;
  boardId: string;
  userId: string;
  doc: Y.Doc;
  /** The board's connection is live. */
  online: Accessor<boolean>;
  /** Says a refusal out loud (the card may be gone from the page). */
  say: (words: string) => void;
}

/** Sending again after the server could not be reached while the connection looked live. */
const retryMs = 15_000;

/** Not reached, or not now: keep the choice and send it again later. */
const notNow = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status === 401 || err.status === 429 || err.status >= 500;

const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Follows this person's own feelings on `boardId`. Call inside a component, once per board. */
export function createOwnFeelings(options: OwnFeelingsOptions): OwnFeelings {
  const { api, boardId, userId, doc, online, say } = options;
  const keys = createMyFeelingKeys(api, boardId, userId, online);
  const [entries, setEntries] = createSignal<WaitingFeeling[]>(readOutbox(userId, boardId));
  const [kept, setKept] = createSignal(true);
  const keep = (next: WaitingFeeling[]) => {
    setEntries(next);
    setKept(writeOutbox(userId, boardId, next));
  };
  // Per card: sending, or waiting for a connection; and why the server refused the last choice.
  const [states, setStates] = createStore<Record<string, 'sending' | 'waiting' | undefined>>({});
  const [refusals, setRefusals] = createStore<Record<string, string | undefined>>({});
  const [arriving, setArriving] = createSignal<ReadonlyMap<string, Arriving>>(new Map());
  // The choices sent for each card in a row, while one is waiting, on its way or arriving.
  const sentInARow = new Map<string, Set<string>>();

  const stopArriving = (card: string) => {
    if (!arriving().has(card)) return;
    const next = new Map(arriving());
    next.delete(card);
    setArriving(next);
    if (waitingOn(entries(), card) === undefined) sentInARow.delete(card);
  };
  // The server's change came through sync (or someone else's, from another device of theirs, since).
  const observers = feelingMaps.map((map) => {
    const type = boardTypes(doc)[map];
    const observer = (event: Y.YMapEvent<Feeling>) => {
      for (const [card, coming] of arriving()) {
        if (coming.map === map && event.keysChanged.has(coming.key) && !stillArriving(coming, readFeeling(type.get(coming.key)))) stopArriving(card);
      }
    };
    type.observe(observer);
    return () => type.unobserve(observer);
  });

  const inFlight = new Set<string>();
  let retry: ReturnType<typeof setTimeout> | undefined;
  const send = (card: string) => {
    const entry = waitingOn(entries(), card);
    if (entry === undefined || inFlight.has(card)) return;
    inFlight.add(card);
    setStates(card, 'sending');
    const sent = sentInARow.get(card) ?? new Set<string>();
    sentInARow.set(card, sent.add(signature(entry.feeling)));
    let next = true;
    api
      .putFeeling(boardId, entry.touchpointId, { map: entry.map, feeling: entry.feeling })
      .then(
        ({ key }) =>
          batch(() => {
            keys.learn(entry.map, entry.touchpointId, key);
            const inDoc = key === null ? null : readFeeling(boardTypes(doc)[entry.map].get(key));
            const coming = new Map(arriving());
            if (entry.feeling !== null && key !== null && signature(inDoc) !== signature(entry.feeling)) {
              coming.set(card, { map: entry.map, key, feeling: entry.feeling, sent });
            } else coming.delete(card);
            setArriving(coming);
            keep(withoutAnswered(entries(), entry));
            setStates(card, undefined);
            if (!coming.has(card) && waitingOn(entries(), card) === undefined) sentInARow.delete(card);
          }),
        (err: unknown) => {
          if (notNow(err)) {
            next = false;
            setStates(card, 'waiting');
            clearTimeout(retry);
            retry = setTimeout(() => online() && sendAll(), retryMs);
            return;
          }
          // Refused: it will never be taken. A newer choice on the card is still tried.
          const current = waitingOn(entries(), card)?.version === entry.version;
          keep(withoutAnswered(entries(), entry));
          setStates(card, undefined);
          if (!arriving().has(card) && waitingOn(entries(), card) === undefined) sentInARow.delete(card);
          if (current) {
            const words = notSaved((err as ApiError).message);
            setRefusals(card, words);
            say(words);
          }
        },
      )
      .finally(() => {
        inFlight.delete(card);
        if (next) send(card);
      });
  };
  const sendAll = () => {
    for (const entry of entries()) send(cardOf(entry.map, entry.touchpointId));
  };
  // The board's connection live again, or the browser back online: send what waits.
  createEffect(on(online, (live) => live && sendAll()));
  const onBrowserOnline = () => sendAll();
  window.addEventListener('online', onBrowserOnline);
  if (!browserOffline()) sendAll();
  onCleanup(() => {
    clearTimeout(retry);
    window.removeEventListener('online', onBrowserOnline);
    for (const stop of observers) stop();
  });

  return {
    own(map, touchpointId, inDoc) {
      const card = cardOf(map, touchpointId);
      return ownShown(waitingOn(entries(), card), arriving().get(card), inDoc);
    },
    ownKey: keys.ownKey,
    isMine: keys.isMine,
    give(map, touchpointId, feeling) {
      const card = cardOf(map, touchpointId);
      const entry: WaitingFeeling = { map, touchpointId, feeling, version: randomId(), at: Date.now() };
      batch(() => {
        keep(withChoice(entries(), entry));
        setRefusals(card, undefined);
        if (!inFlight.has(card)) setStates(card, browserOffline() ? 'waiting' : 'sending');
      });
      if (!browserOffline()) send(card);
    },
    note(map, touchpointId) {
      const card = cardOf(map, touchpointId);
      const refused = refusals[card];
      if (refused !== undefined) return { kind: 'refused', words: refused };
      if (waitingOn(entries(), card) === undefined || states[card] === 'sending') return null;
      return { kind: 'waiting', words: kept() ? keptOnDevice : notKeptOnDevice };
    },
  };
}
