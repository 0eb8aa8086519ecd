/**
 * Stories are given, not taken (issue 17), in the PDF export: a story leaves the board only when
 * its storyteller said "Ready to share". Others are left out, in words, and the cover says how
 * many; an internal copy has them all and says so on its cover and on every page. The document is
 * the server's real export (model and writer), read back with poppler.
 */
import { describe, expect, it } from 'vitest';
import { withdrawnStoryWords } from '../../shared/consent.ts';
import { boardDoc, exportBytes } from '../support/export-board.ts';
import { pdfText } from '../support/pdf-tools.ts';

const ready = 'The porter knew my name and walked me to the lift.';
const boardOnly = 'I cried in the corridor and a cleaner brought me tea.';
const notYet = 'My husband was told before I was, and I am still angry.';
const doc = () =>
  boardDoc('Consent', [
    {
      id: 'stage-0001',
      title: 'Arriving',
      cards: [
        { id: 'touch-0001', title: 'Getting to the ward', story: ready, consent: 'ready' },
        { id: 'touch-0002', title: 'In the corridor', story: boardOnly, consent: 'board-only' },
        { id: 'touch-0003', title: 'Hearing the news', story: notYet, consent: 'not-yet' },
      ],
    },
  ]);
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('stories in the PDF and their storytellers’ consent', () => {
  it('leaves out every story not ready to share, saying so, and keeps the rest', async () => {
    const text = flat(await pdfText(await exportBytes(doc())));
    expect(text).toContain(ready);
    expect(text).not.toContain(boardOnly);
    expect(text).not.toContain(notYet);
    expect(text).toContain('2 stories are left out: the people who told them have not said they are ready to share them.');
    expect(text.split('The story is left out: the person who told it has not said it is ready to share.').length - 1).toBe(2);
    expect(text).not.toContain('Internal copy');
  });

  it('has every story in an internal copy, which says so on every page', async () => {
    const raw = await pdfText(await exportBytes(doc(), { internal: true }));
    const text = flat(raw);
    for (const story of [ready, boardOnly, notYet]) expect(text).toContain(story);
    expect(text).not.toContain('The story is left out');
    const pages = raw.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.filter((page) => !flat(page).includes('Internal copy: not for sharing.')).length).toBe(0);
  });

  it('says a withdrawn story was taken back, and a card never written on has no story yet', async () => {
    const withdrawn = boardDoc('Withdrawn', [
      {
        id: 'stage-0001',
        title: 'Arriving',
        cards: [
          { id: 'touch-0001', title: 'Taken back', story: '', withdrawnAt: 5 },
          { id: 'touch-0002', title: 'Still empty', story: '' },
        ],
      },
    ]);
    const text = flat(await pdfText(await exportBytes(withdrawn)));
    expect(text.split(withdrawnStoryWords).length - 1).toBe(1);
    expect(text.split('No story written yet.').length - 1).toBe(1);
  });
});
