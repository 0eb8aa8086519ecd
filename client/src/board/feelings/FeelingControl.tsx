/**
 * How one touchpoint felt to the person using the board, and a short count of how it felt to
 * everyone. A person gives only their OWN feeling, as a plain object replaced whole; the server
 * writes it under a key that names nobody (issue 17), so the page sends it (own-feelings.ts: kept
 * on this device first, shown at once, sent when it can be) and never writes it itself; a choice
 * not saved yet says so under the scale. The score is a native radio group (arrow keys for
 * free); words are chosen once a score is picked, behind a "Choose words" disclosure so a board of
 * hundreds of cards stays light. In easy read (issue 17) everyone's feelings are a line each, with
 * their faces.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { feelingScores, type FeelingScore } from '../../../../shared/board-document.ts';
import { normaliseWord, scoreWords } from '../../../../shared/feeling-stats.ts';
import { maxWordsPerFeeling } from '../../../../shared/limits.ts';
import { countsSentence, wordsSentence } from '../../../../shared/feeling-summary.ts';
import { FeelingFace } from './FeelingFace.tsx';
import { createTouchpointFeelings, type FeelingsMap } from './touchpoint-feelings.ts';
import { WordCards } from './WordCards.tsx';
import { useOwnFeelings } from './feelings-context.tsx';
import { easyRead } from '../easy-read/easy-read-setting.ts';
import { FeltWithFaces } from '../easy-read/FeltWithFaces.tsx';

export interface FeelingControlProps {
  doc: Y.Doc;
  touchpointId: string;
  /** Less than `comment` access (Can look): show the person's feeling, change nothing. */
  readOnly: boolean;
  /** `feelingsAfter`: how it feels now, recorded again at the review (issue 16). `feelings` when not given. */
  which?: FeelingsMap;
}

/** One person's feeling at one touchpoint, plus everyone's in numbers. Read once: key it by touchpoint. */
export function FeelingControl(props: FeelingControlProps) {
  const which = props.which ?? 'feelings';
  const mine = useOwnFeelings();
  const { own, stats } = createTouchpointFeelings(props.doc, props.touchpointId, mine, which);
  const note = () => mine.note(which, props.touchpointId);
  const uid = createUniqueId();
  const wordsId = `feeling-words-${uid}`;
  const [wordsOpen, setWordsOpen] = createSignal(false);
  let firstRadio: HTMLInputElement | undefined;

  const write = (score: FeelingScore, words: readonly string[]) => {
    if (props.readOnly) return;
    // Never more words than a feeling holds (WordCards stops there; an older feeling may have more).
    mine.give(which, props.touchpointId, { score, words: words.slice(0, maxWordsPerFeeling) });
  };
  const choose = (score: FeelingScore) => write(score, own()?.words ?? []);
  const toggleWord = (word: string) => {
    const current = own();
    if (current === null) return;
    const normal = normaliseWord(word);
    const has = current.words.some((w) => normaliseWord(w) === normal);
    write(current.score, has ? current.words.filter((w) => normaliseWord(w) !== normal) : [...current.words, word.trim()]);
  };
  const clear = () => {
    if (props.readOnly) return;
    mine.give(which, props.touchpointId, null);
    setWordsOpen(false);
    // The button that had focus is gone; put the person back at the start of the scale.
    firstRadio?.focus();
  };

  return (
    <div class="feeling">
      <fieldset class="feeling__scale" role="radiogroup" disabled={props.readOnly}>
        <legend>{which === 'feelingsAfter' ? 'How does this feel now?' : 'How did this feel?'}</legend>
        <div class="feeling__options">
          <For each={feelingScores}>
            {(score) => (
              <label class="feeling__option">
                <input
                  ref={(el) => {
                    if (score === feelingScores[0]) firstRadio = el;
                  }}
                  type="radio"
                  name={`feeling-${uid}`}
                  value={String(score)}
                  checked={own()?.score === score}
                  onChange={() => choose(score)}
                />
                <FeelingFace score={score} />
                <span class="feeling__word">{scoreWords[score]}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      {/* A choice not saved yet: waiting for a connection is said here; a refusal was said by the board. */}
      <div aria-live="polite">
        <Show when={note()?.kind === 'waiting'}>
          <p class="feeling__note">{note()?.words}</p>
        </Show>
      </div>
      <Show when={note()?.kind === 'refused'}>
        <p class="feeling__note feeling__note--refused">{note()?.words}</p>
      </Show>

      <Show when={own()}>
        {(mine) => (
          <div class="feeling__mine">
            <Show when={mine().words.length > 0}>
              <p class="feeling__my-words">Your words: {mine().words.join(', ')}</p>
            </Show>
            <Show when={!props.readOnly}>
              <div class="feeling__actions">
                <button
                  type="button"
                  class="button button--secondary"
                  aria-expanded={wordsOpen() ? 'true' : 'false'}
                  aria-controls={wordsId}
                  onClick={() => setWordsOpen(!wordsOpen())}
                >
                  Choose words
                </button>
                <button type="button" class="link-button" onClick={clear}>
                  Clear my feeling
                </button>
              </div>
              <div id={wordsId}>
                <Show when={wordsOpen()}>
                  <WordCards chosen={mine().words} onToggle={toggleWord} />
                </Show>
              </div>
            </Show>
          </div>
        )}
      </Show>

      <div class="feeling__everyone">
        {/* Easy read (issue 17): a line per feeling with its face beside the words. */}
        <Show
          when={easyRead()}
          fallback={
            <p class="feeling__counts">
              <strong>Everyone: </strong>
              {countsSentence(stats())}
              <Show when={stats().wideRange}>
                {' '}
                <span class="feeling__differ">
                  <span aria-hidden="true">◆ </span>Views differ a lot.
                </span>
              </Show>
            </p>
          }
        >
          <FeltWithFaces stats={stats()} />
        </Show>
        <Show when={wordsSentence(stats()) !== ''}>
          <p class="feeling__tally">Words: {wordsSentence(stats())}</p>
        </Show>
      </div>
    </div>
  );
}
