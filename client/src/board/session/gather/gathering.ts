/**
 * "Bring everyone here" on this page (issue 15). It follows the board document's
 * `session.gathered` (only the server writes it, shared/session.ts) and acts once per new call
 * (gather-rules.ts): it takes this person's view and keyboard focus to the card or stage, with
 * the message "Fay brought everyone to ‘Waiting for results’" and "Stay where I am" just under
 * its title; or, for someone staying where they are, shows the message at the top of the page
 * with "Go there". The facilitator's own page is not moved; it says "You brought everyone to …".
 * The facilitator's press asks the API (`gather`); the page never writes the map. Follow
 * (follow.ts) is separate and stays as it is.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { gatheredOf, type Gathered } from '../../../../../shared/session.ts';
import type { Api } from '../../../api.ts';
import type { Announcer } from '../../announcer.ts';
import { spokenTitle } from '../../board-context.ts';
import type { BoardView } from '../../board-view.ts';
import type { MemberNames } from '../../member-names.ts';
import { firstName } from '../../present-people.ts';
import { askSession } from '../hands/ask-session.ts';
import type { ServerClock } from '../server-clock.ts';
import { gatheredByYouWords, gatherOffline, gatherStep, gatherWords, stayingWords, toldWhileStaying } from './gather-rules.ts';
import { goToPlace, landingUnder } from './gather-place.ts';
import { keepStayChoice, readStayChoice } from './stay-choice.ts';

export type GatherTarget = Gathered['target'];

/** The message under the place this page was taken to. */
export interface Landing {
  title: HTMLElement;
  container: HTMLElement;
  words: string;
  /** "Stay where I am" was pressed here: it says so instead. */
  stayed: boolean;
}

/** The message at the top of the page. */
export type BarNotice =
  | { kind: 'told'; target: GatherTarget; words: string }
  | { kind: 'mine'; words: string }
  | { kind: 'failed'; words: string };

export interface Gathering {
  landing: Accessor<Landing | null>;
  notice: Accessor<BarNotice | null>;
  staying: Accessor<boolean>;
  /** "Stay where I am": kept for the rest of this session (stay-choice.ts). */
  stay(): void;
  /** "Go there" from the top of the page. */
  goThere(): void;
  /** Hides the message at the top of the page. */
  hideNotice(): void;
  /** Focus moved away from the place: its message goes. */
  leaveLanding(): void;
  /** The facilitator's "Bring everyone here". */
  bring(target: GatherTarget): void;
}

export interface GatheringOptions {
  doc: Y.Doc;
  boardId: string;
  api: Api;
  clock: ServerClock;
  online: Accessor<boolean>;
  me: string;
  names: MemberNames;
  view: BoardView;
  announcer: Announcer;
}

/** Follows the calls for this page. Call inside a component, once per board. */
export function createGathering(options: GatheringOptions): Gathering {
  const { doc, announcer } = options;
  const { session } = boardTypes(doc);
  const [landing, setLanding] = createSignal<Landing | null>(null);
  const [notice, setNotice] = createSignal<BarNotice | null>(null);
  const [staying, setStaying] = createSignal(readStayChoice(options.boardId));
  let seenId = gatheredOf(doc)?.id ?? null;
  let wasLive = false;
  createEffect(() => {
    if (options.online()) wasLive = true;
  });

  const titleOf = (target: GatherTarget): string => {
    if (target.type === 'stage') return spokenTitle(options.view.stages.find((stage) => stage.id === target.id)?.title ?? '', 'stage');
    const title = options.view.touchpoint(target.id)?.get('title');
    return spokenTitle(title instanceof Y.Text ? title.toString() : typeof title === 'string' ? title : '', 'touchpoint');
  };
  const byName = (userId: string): string | null => {
    const name = options.names.who(userId);
    if (name === null || name.startsWith('someone ')) return null;
    return firstName(name);
  };

  const clearLanding = () => {
    landing()?.container.remove();
    setLanding(null);
  };
  onCleanup(clearLanding);

  /** Takes this page there; with `words`, the message goes under the title. */
  const go = async (target: GatherTarget, words: string | null) => {
    clearLanding();
    const title = await goToPlace(target);
    if (title === null) return false;
    if (words !== null) setLanding({ title, container: landingUnder(title), words, stayed: false });
    return true;
  };

  const onChange = () => {
    const call = gatheredOf(doc);
    const step = gatherStep({ seenId, call, live: options.online(), wasLive, me: options.me, staying: staying() });
    if (call !== null) seenId = call.id;
    if (call === null || step === 'none') return;
    const target = titleOf(call.target);
    if (step === 'mine') {
      const words = gatheredByYouWords(target);
      setNotice({ kind: 'mine', words });
      return announcer.say(words);
    }
    const words = gatherWords(byName(call.by), target);
    if (step === 'tell') {
      setNotice({ kind: 'told', target: call.target, words });
      return announcer.say(toldWhileStaying(words));
    }
    setNotice(null);
    void go(call.target, words).then((went) => {
      // Not on this page (gone since, or not drawn): say where, with Go there.
      if (!went) setNotice({ kind: 'told', target: call.target, words });
      announcer.say(went ? `${words}.` : `${words}, which is not on your page.`);
    });
  };
  session.observe(onChange);
  onCleanup(() => session.unobserve(onChange));

  return {
    landing,
    notice,
    staying,
    stay() {
      keepStayChoice(options.boardId);
      setStaying(true);
      const here = landing();
      if (here !== null) setLanding({ ...here, stayed: true });
      announcer.say(stayingWords);
    },
    goThere() {
      const current = notice();
      if (current?.kind !== 'told') return;
      setNotice(null);
      void go(current.target, null);
    },
    hideNotice: () => setNotice(null),
    leaveLanding: clearLanding,
    bring(target) {
      if (!options.online()) {
        setNotice({ kind: 'failed', words: gatherOffline });
        return announcer.say(gatherOffline);
      }
      void askSession(options.api, options.clock, options.boardId, { action: 'gather', target }, gatherOffline).then((failed) => {
        if (failed === null) return;
        setNotice({ kind: 'failed', words: failed });
        announcer.say(failed);
      });
    },
  };
}
