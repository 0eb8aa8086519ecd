/**
 * Board documents for the PDF export's tests and benchmark, and the export made straight from the
 * core (server/export/): a Y.Doc as members would have written it, read and laid out as the
 * route does, with the fonts Node serves.
 */
import * as Y from 'yjs';
import type { ExportPdfOptions, PerspectiveLines } from '../../shared/api.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { boardPdf, parseFonts, type ParsedFonts } from '../../server/export/board-pdf.ts';
import { readExport } from '../../server/export/export-model.ts';
import type { Consent } from '../../shared/consent.ts';
import { nodePdfFonts } from '../../server/runtime/node-pdf-fonts.ts';
import { workOutLines } from '../../server/sync/perspective-lines.ts';
import { parseFeelingKey } from '../../shared/feeling-stats.ts';
import { defaultPerspectives, type Perspective } from '../../shared/perspectives.ts';

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

/**
 * The perspectives' lines of `doc` as the server works them out (server/sync/perspective-lines.ts),
 * `choices` saying which perspective each person (`person-p0-0001`, …) chose; the feelings' owners
 * are read from the named keys boardDoc writes.
 */
export function perspectiveLinesOf(doc: Y.Doc, choices: Record<string, string>, at = Date.UTC(2026, 11, 2, 14, 5), perspectives: readonly Perspective[] = defaultPerspectives): PerspectiveLines {
  const owners = [...boardTypes(doc).feelings.keys()].flatMap((key) => {
    const parts = parseFeelingKey(key);
    return parts === null ? [] : [{ map: 'feelings' as const, key, touchpointId: parts.touchpointId, userId: parts.participantId }];
  });
  return workOutLines(doc, owners, new Map(Object.entries(choices)), perspectives, at);
}

let fonts: Promise<ParsedFonts> | null = null;

/** What an export is made with beyond its choices: perspectives' lines as the server worked them out (issue 17). */
export interface ExportExtras {
  lines?: PerspectiveLines | null;
}

/** The export of `doc` as a stream, as the route makes it. */
export async function exportStream(doc: Y.Doc, options: Partial<ExportPdfOptions> & ExportExtras = {}, onSettled?: () => void): Promise<ReadableStream<Uint8Array>> {
  const { lines = null, ...given } = options;
  const choices: ExportPdfOptions = { paper: 'a4', largePrint: false, anonymise: false, comments: false, internal: false, ...given };
  const model = readExport(doc, 'board-under-test', new Map([['person-fay-0001', 'Fay']]), choices, lines);
  const faces = await (fonts ??= nodePdfFonts().then(parseFonts));
  return boardPdf({ model, options: choices, fonts: faces, now: Date.UTC(2026, 11, 2) }, (error) => console.error(error), onSettled);
}

/** The whole export of `doc` as bytes. */
export async function exportBytes(doc: Y.Doc, options: Partial<ExportPdfOptions> & ExportExtras = {}): Promise<Uint8Array> {
  return new Uint8Array(await new Response(await exportStream(doc, options)).arrayBuffer());
}
