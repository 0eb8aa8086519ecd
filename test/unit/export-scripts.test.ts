/**
 * Writing systems in the PDF export (server/export/pdf-writer.ts): Noto Sans has accented Latin,
 * Greek and Cyrillic, so those come out as real, selectable text; letters of a script it lacks
 * (here Japanese and Arabic) are drawn as the replacement sign, but their paragraph's ActualText
 * keeps the real words for screen readers, search and copying, and the cover says so — only when
 * it happened.
 */
import { describe, expect, it } from 'vitest';
import { findAll, pdfStructure, pdfText } from '../support/pdf-tools.ts';
import { boardDoc, exportBytes } from '../support/export-board.ts';

const story = (words: string) => [{ id: 'stage-0001', title: 'Arriving', cards: [{ id: 'touch-0001', title: 'At the desk', story: words }] }];
const coverNote = 'use letters this document’s font cannot show';

describe('writing systems in the PDF', () => {
  it('shows Latin with accents, Greek and Cyrillic as text', async () => {
    const words = 'Café in Łódź with Nguyễn; Ελληνικά γράμματα; Кириллица тоже.';
    const bytes = await exportBytes(boardDoc('Scripts', story(words)));
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(words);
    expect(text).not.toContain(coverNote);
  });

  it('keeps words in a script the font lacks as ActualText and says so on the cover', async () => {
    const words = 'My mother said 日本語で話したい and my father قال شكرا.';
    const bytes = await exportBytes(boardDoc('Scripts', story(words)));
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(coverNote);
    expect(text).toContain('My mother said \uFFFD');
    const { structure } = await pdfStructure(bytes);
    const paragraphs = findAll(structure, 'P').map((element) => element.actualText);
    expect(paragraphs).toContain(words);
  });
});
