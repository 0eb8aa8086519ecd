/**
 * The emotion word cards for one person's feeling: the shared deck as pairs (a good word beside
 * its hard opposite), the person's own words, and a box to add a word of their own. Each card is
 * a real toggle button (aria-pressed) with a 44px target; the chosen state shows as a tick and a
 * filled card, not colour alone. Cards wrap whole words (word-cards.css). One feeling holds at
 * most `maxWordsPerFeeling` words (the server refuses more): past that the page says so.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { maxOwnWordLength, negativeWords, positiveWords } from '../../../../shared/emotion-words.ts';
import { normaliseWord } from '../../../../shared/feeling-stats.ts';
import { maxWordsPerFeeling } from '../../../../shared/limits.ts';
import { plainText } from '../plain-text.ts';
import './word-cards.css';

/** The deck as [good, hard] pairs, paired by position as shared/emotion-words.ts promises. */
const pairs = positiveWords.map((good, i) => [good, negativeWords[i] ?? ''] as const);
const deck = new Set<string>([...positiveWords, ...negativeWords]);

export interface WordCardsProps {
  /** The words this person has chosen (as stored). */
  chosen: readonly string[];
  /** Adds or removes one word. */
  onToggle: (word: string) => void;
}

function WordToggle(props: { word: string; pressed: boolean; onToggle: (word: string) => void }) {
  return (
    <button
      type="button"
      class="word-card"
      aria-pressed={props.pressed ? 'true' : 'false'}
      onClick={() => props.onToggle(props.word)}
    >
      <span class="word-card__tick" aria-hidden="true">
        {props.pressed ? '✓' : ''}
      </span>
      <span class="word-card__word">{props.word}</span>
    </button>
  );
}

/** The word cards and the "A word of your own" box. */
export function WordCards(props: WordCardsProps) {
  const ownId = createUniqueId();
  const [draft, setDraft] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const chosenSet = () => new Set(props.chosen.map(normaliseWord));
  const isChosen = (word: string) => chosenSet().has(normaliseWord(word));
  const ownWords = () => props.chosen.filter((word) => !deck.has(normaliseWord(word)));
  const full = () => props.chosen.length >= maxWordsPerFeeling;
  const fullWords = `You have chosen ${maxWordsPerFeeling} words, the most one feeling can hold. Take one away to choose another.`;
  // Taking a word away always works; adding one only while there is room.
  const toggle = (word: string) => {
    if (!isChosen(word) && full()) return setProblem(fullWords);
    setProblem('');
    props.onToggle(word);
  };

  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const word = plainText(draft()).trim();
    if (word === '') return setProblem('Type a word first.');
    if (isChosen(word)) return setProblem(`You already chose “${word}”.`);
    if (full()) return setProblem(fullWords);
    setProblem('');
    setDraft('');
    props.onToggle(word);
  };

  return (
    <div class="word-cards">
      <p class="hint">Pick any words that fit. Pick a word again to take it away.</p>
      <ul class="word-cards__pairs" aria-label="Word cards">
        <For each={pairs}>
          {([good, hard]) => (
            <li class="word-cards__pair">
              <WordToggle word={good} pressed={isChosen(good)} onToggle={toggle} />
              <WordToggle word={hard} pressed={isChosen(hard)} onToggle={toggle} />
            </li>
          )}
        </For>
      </ul>
      <Show when={ownWords().length > 0}>
        <ul class="word-cards__own" aria-label="Your own words">
          <For each={ownWords()}>
            {(word) => (
              <li>
                <WordToggle word={word} pressed={true} onToggle={toggle} />
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="word-cards__add" onSubmit={add}>
        <label for={ownId}>A word of your own</label>
        <div class="word-cards__add-row">
          <input
            id={ownId}
            type="text"
            maxLength={maxOwnWordLength}
            autocomplete="off"
            value={draft()}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" class="button button--secondary">
            Add word
          </button>
        </div>
        <p class="word-cards__problem" aria-live="polite">
          {problem()}
        </p>
      </form>
    </div>
  );
}
