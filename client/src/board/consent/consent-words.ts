/**
 * What the page says about storyteller consent (issue 17), in plain words: a card's sharing state
 * (shown to everyone, in words and never by colour alone), whose voice the storyteller's choices
 * are said in (their own, or a facilitator's on their behalf), and what withdrawing a story did or
 * why it could not be done. The choices' names and meanings are shared/consent.ts's consentWords,
 * so the page and the PDF say the same thing.
 */
import { consentWords, withdrawnStoryWords, type Consent, type WithdrawResult } from '../../../../shared/consent.ts';
import { ApiError } from '../../api.ts';

/** In place of a withdrawn story, for everyone (shared with the PDF). */
export { withdrawnStoryWords };

/** A card's sharing state in a few words, for everyone who sees the story. */
export const consentStateWords: Readonly<Record<Consent, string>> = {
  'not-yet': 'Not yet agreed for sharing',
  'board-only': consentWords['board-only'].name,
  ready: consentWords.ready.name,
};

/**
 * Who is speaking for a story: the storyteller themself, or a facilitator for `storyteller` (a
 * first name from member-names.ts, or null while names load or when the card has no storyteller).
 */
export type StoryVoice = { own: true } | { own: false; storyteller: string | null };

/** "Sam", or plain words when the name is not known. */
const whoTold = (voice: StoryVoice & { own: false }): string => voice.storyteller ?? 'the person who told it';

/** The card menu's item that opens the choice. */
export const consentMenuWords = 'How this story may be shared…';

/** The line at the top of the choice for a facilitator speaking for someone else; null for the storyteller. */
export function onBehalfWords(voice: StoryVoice): string | null {
  if (voice.own) return null;
  return voice.storyteller === null
    ? 'You are saying this for the person who told this story.'
    : `You are saying this for ${voice.storyteller}, who told this story.`;
}

/** "your story", "Sam’s story" or "this story" (name not known). */
const whoseStory = (voice: StoryVoice): string =>
  voice.own ? 'your story' : voice.storyteller === null ? 'this story' : `${voice.storyteller}’s story`;

/** The choice's question, as its group's name. */
export function consentQuestion(voice: StoryVoice): string {
  return `How may ${whoseStory(voice)} be shared?`;
}

/** Said once the choice is saved: "Your story: Ready to share. Saved." */
export function consentSavedWords(voice: StoryVoice, consent: Consent): string {
  return `${capitalised(whoseStory(voice))}: ${consentWords[consent].name}. Saved.`;
}

const capitalised = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1);

/** The card menu's item, and the confirmation's words, for withdrawing a story. */
export function withdrawWords(voice: StoryVoice) {
  const theirs = voice.own ? 'your' : voice.storyteller === null ? 'their' : `${voice.storyteller}’s`;
  return {
    menu: voice.own ? 'Withdraw my story' : `Withdraw this story for ${whoTold(voice)}`,
    question: `Withdraw ${whoseStory(voice)}?`,
    detail: 'The story’s words will be removed for good. This can’t be undone.',
    feelings: `Also remove ${theirs} feelings about this moment`,
    comments: `Also remove ${theirs} comments on this moment`,
    yes: 'Withdraw the story',
    no: 'Keep it',
  };
}

/** Said, and shown on the card, once the server has answered that the story is gone. */
export function withdrawnWords(voice: StoryVoice, result: WithdrawResult): string {
  const first = `${capitalised(whoseStory(voice))} was withdrawn. It is gone for good.`;
  const also = [countWords(result.feelings, 'feeling'), countWords(result.comments, 'comment')].filter((words) => words !== '');
  return also.length === 0 ? first : `${first} ${capitalised(also.join(' and '))} went with it.`;
}

const countWords = (count: number, what: string): string => (count === 0 ? '' : count === 1 ? `1 ${what}` : `${count} ${what}s`);

/** Said when withdrawing is tried without a connection: it needs the server. */
export const withdrawOffline = 'Withdrawing a story needs a connection. Please try again when you are back online.';

/** Why withdrawing did not work, in plain words: the server's own message for anything else. */
export function withdrawFailureWords(error: ApiError): string {
  if (error.status === 0) return withdrawOffline;
  if (error.code === 'forbidden') return 'Only the person who told this story, or someone who organises the board, can withdraw it.';
  if (error.code === 'not_found') return 'This card is not on the board any more, so there is nothing to withdraw.';
  return `The story could not be withdrawn. ${error.message}`;
}
