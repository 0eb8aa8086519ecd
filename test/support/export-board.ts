/**
 * Board documents for the PDF export's tests and benchmark, and the export made straight from the
 * core (server/export/): a Y.Doc as members would have written it, read and laid out as the
 * route does, with the fonts Node serves.
 */
import * as Y from 'yjs';
import type { ExportPdfOptions } from '../../shared/api.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { boardPdf, parseFonts, type ParsedFonts } from '../../server/export/board-pdf.ts';
import { readExport } from '../../server/export/export-model.ts';
import type { Consent } from '../../shared/consent.ts';
import { nodePdfFonts } from '../../server/runtime/node-pdf-fonts.ts';

export interface TestStage {
  id: string;
  title: string;
  cards: { id: string; title: string; story: string; scores?: number[]; consent?: Consent; withdrawnAt?: number }[];
}

/** A board document holding `stages`, each card's feelings from people p0, p1, … */
export function boardDoc(title: string, stages: readonly TestStage[]): Y.Doc {
  const doc = new Y.Doc();
  initBoardDocument(doc, { title, purpose: 'A test of the export.' });
  const { stages: stageList, touchpoints, feelings } = boardTypes(doc);
  doc.transact(() => {
    for (const stage of stages) {
      stageList.push([newStage(stage.id, stage.title)]);
      stage.cards.forEach((card, index) => {
        touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: stage.id, order: `a${String(index).padStart(4, '0')}`, title: card.title, story: card.story, consent: card.consent ?? 'ready', createdBy: 'person-fay-0001', createdAt: 1 }));
        if (card.withdrawnAt !== undefined) (touchpoints.get(card.id) as Y.Map<unknown>).set('withdrawnAt', card.withdrawnAt);
        (card.scores ?? []).forEach((score, person) => feelings.set(participantKey(card.id, `person-p${person}-0001`), { score: score as -2 | -1 | 0 | 1 | 2, words: [], at: 1 }));
      });
    }
  });
  return doc;
}

let fonts: Promise<ParsedFonts> | null = null;

/** The export of `doc` as a stream, as the route makes it. */
export async function exportStream(doc: Y.Doc, options: Partial<ExportPdfOptions> = {}, onSettled?: () => void): Promise<ReadableStream<Uint8Array>> {
  const choices: ExportPdfOptions = { paper: 'a4', largePrint: false, anonymise: false, comments: false, internal: false, ...options };
  const model = readExport(doc, 'board-under-test', new Map([['person-fay-0001', 'Fay']]), choices);
  const faces = await (fonts ??= nodePdfFonts().then(parseFonts));
  return boardPdf({ model, options: choices, fonts: faces, now: Date.UTC(2026, 11, 2) }, (error) => console.error(error), onSettled);
}

/** The whole export of `doc` as bytes. */
export async function exportBytes(doc: Y.Doc, options: Partial<ExportPdfOptions> = {}): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await exportStream(doc, options)).arrayBuffer());
}
