/**
 * The emotional-touchpoints word cards (one list for the whole product). Positive and negative
 * words are paired by position so the deck can show them side by side.
 */
export const positiveWords = [
  'safe', 'cared for', 'listened to', 'respected', 'reassured',
  'relieved', 'hopeful', 'valued', 'supported', 'comfortable',
] as const;

export const negativeWords = [
  'frightened', 'anxious', 'frustrated', 'ignored', 'confused',
  'rushed', 'isolated', 'helpless', 'embarrassed', 'angry',
] as const;

export type EmotionWord = (typeof positiveWords)[number] | (typeof negativeWords)[number];

/** The longest word of their own a person may add to a feeling. */
export const maxOwnWordLength = 40;
