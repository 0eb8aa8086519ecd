/**
 * The board as a PDF (issue 14), on both runtimes: a real server, members writing through stock
 * y-websocket clients, the file read with poppler and qpdf (test/support/pdf-tools.ts).
 * - Access: any member gets 200 application/pdf with a filename; no session 401, not a member 403,
 *   no such board 404, a choice it does not take 400 — each in the contract's error shape.
 * - Text: every stage and touchpoint title and story in map order, the feelings summary and the
 *   curve's table; comments only when asked; with anonymise=1 no member's name anywhere, and a
 *   comment without a name never names its author in any export.
 * - Structure: a tagged tree with headings in order from H1, a Figure with alternative text,
 *   tables with header cells, /Lang, DisplayDocTitle, bookmarks for the stages, every font
 *   embedded with a Unicode map; the first page is not blank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { newComment, roundTrip, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { findAll, headingOrderProblems, headingsInOrder, pageIsBlank, pdfFonts, pdfInfo, pdfStructure, pdfText } from '../support/pdf-tools.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, signUp, type TestPerson } from '../support/test-server.ts';

const journey = [
  { id: 'stage-referral', title: 'Referral', cards: [{ id: 'touch-letter', title: 'The letter arrives', story: 'It came a week after the appointment date.' }] },
  {
    id: 'stage-arriving',
    title: 'Arriving',
    cards: [
      { id: 'touch-parking', title: 'Finding somewhere to park', story: 'Forty minutes round the car park with my mum in the back.' },
      { id: 'touch-desk', title: 'At the front desk', story: 'Nobody looked up.\nThen someone said sorry, they were short of staff.' },
    ],
  },
  { id: 'stage-going-home', title: 'Going home', cards: [{ id: 'touch-pharmacy', title: 'Waiting at the pharmacy', story: 'Two hours for one prescription — Ελληνικά, Кириллица, café.' }] },
];

describe.each(targets)('the PDF export on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  /** Writes only a comment without a name: nothing may ever link it to her. */
  let zara: TestPerson;
  const open: SyncClient[] = [];

  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    zara = await joinBoard(app, cast.facilitate, boardId, 'comment', await signUp(app, 'Zara'));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const { stages, touchpoints, feelings, comments, meta } = boardTypes(fay.doc);
    fay.doc.transact(() => {
      meta.set('purpose', 'To see how a day in outpatients feels.');
      meta.set('anonymousComments', true);
      for (const stage of journey) {
        stages.push([newStage(stage.id, stage.title)]);
        stage.cards.forEach((card, index) =>
          touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: stage.id, order: `a${index}`, title: card.title, story: card.story, createdBy: cast.facilitate.id, createdAt: Date.now() })),
        );
      }
      feelings.set(participantKey('touch-desk', cast.facilitate.id), { score: 1, words: ['welcomed'], at: Date.now() });
      comments.set('comment-from-fay', newComment({ id: 'comment-from-fay', authorId: cast.facilitate.id, body: 'Parking came up in every interview.', touchpointId: 'touch-parking' }));
    });
    await roundTrip(fay);
    for (const [person, score, words] of [[cast.edit, -2, ['ignored', 'anxious']], [cast.comment, -1, ['anxious']]] as const) {
      const client = await syncedClient(app, boardId, person, open);
      boardTypes(client.doc).feelings.set(participantKey('touch-desk', person.id), { score, words: [...words], at: Date.now() });
      await roundTrip(client);
    }
    const posted = await api(app, `/api/boards/${boardId}/comments`, {
      cookie: zara.cookie,
      body: { id: 'comment-from-zara', target: { type: 'touchpoint', id: 'touch-pharmacy' }, parentId: null, body: 'The same happened to my dad.', anonymous: true },
    });
    expect(posted.status).toBe(201);
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const exportAs = (person: TestPerson, query = '', id = boardId) => api(app, `/api/boards/${id}/export.pdf${query}`, { cookie: person.cookie });
  const pdfOf = async (person: TestPerson, query = ''): Promise<Uint8Array> => {
    const response = await exportAs(person, query);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };
  const names = () => [cast.facilitate, cast.edit, cast.comment, cast.view, zara].map((person) => person.displayName);

  it('answers any member with a PDF and a sensible filename, and everyone else in the error shape', async () => {
    const response = await exportAs(cast.view);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="outpatients-journey-\d{4}-\d{2}-\d{2}\.pdf"$/);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    const refusals: [Response, number, string][] = [
      [await api(app, `/api/boards/${boardId}/export.pdf`), 401, 'unauthenticated'],
      [await exportAs(cast.outsider), 403, 'forbidden'],
      [await exportAs(cast.facilitate, '', 'no-such-board-000000'), 404, 'not_found'],
      [await exportAs(cast.facilitate, '?paper=a3'), 400, 'invalid_query'],
      [await exportAs(cast.facilitate, '?comments=yes'), 400, 'invalid_query'],
      [await exportAs(cast.facilitate, '?colour=1'), 400, 'invalid_query'],
    ];
    for (const [answer, status, code] of refusals) {
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await answer.json()) as ErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('has every stage and moment in map order, how they felt, the curve’s table, and comments only when asked', async () => {
    const text = (await pdfText(await pdfOf(cast.comment))).replace(/\s+/g, ' ');
    const inOrder = journey.flatMap((stage) => [stage.title, ...stage.cards.flatMap((card) => [card.title, ...card.story.split('\n')])]);
    let from = 0;
    for (const words of inOrder) {
      const at = text.indexOf(words, from);
      expect(at, `“${words}” after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + words.length;
    }
    expect(text).toContain('How people felt: 3 people: 1 very bad, 1 bad, 1 good.');
    expect(text).toContain('Words chosen: anxious (2), ignored (1), welcomed (1).');
    expect(text).toContain('Views differ a lot here.');
    expect(text).toContain('Added by Fay.');
    // The curve's table: a header row and the desk's row in words.
    expect(text).toMatch(/Middle feeling .*Range .*People/);
    expect(text).toMatch(/At the front desk .*Arriving .*Bad .*Very bad to Good .*3 .*Yes/);
    expect(text).not.toContain('Parking came up in every interview.');

    const withComments = (await pdfText(await pdfOf(cast.comment, '?comments=1'))).replace(/\s+/g, ' ');
    expect(withComments).toContain('Parking came up in every interview.');
    expect(withComments).toMatch(/From Fay, \d+ \w+ \d{4}:/);
    expect(withComments).toContain('The same happened to my dad.');
    expect(withComments).toMatch(/From Someone on this board, \d+ \w+ \d{4}: The same happened to my dad\./);
    // Zara wrote nothing else: her name has no reason to be anywhere.
    expect(withComments).not.toMatch(/\bZara\b/);
  });

  it('leaves out every name with anonymise=1', async () => {
    const bytes = await pdfOf(cast.facilitate, '?anonymise=1&comments=1');
    const text = await pdfText(bytes);
    expect(text).toContain('This copy leaves out everyone’s names.');
    expect(text).toContain('Parking came up in every interview.');
    for (const name of names()) expect(text, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    const info = await pdfInfo(bytes);
    for (const name of names()) expect(JSON.stringify(info), name).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('is tagged for screen readers: headings in order, a described figure, tables with headers, language, title, bookmarks, embedded fonts', async () => {
    const bytes = await pdfOf(cast.edit, '?comments=1&paper=letter&largePrint=1');
    const structure = await pdfStructure(bytes);
    expect(structure.lang).toBe('en-GB');
    expect(structure.displayDocTitle).toBe(true);
    expect(structure.marked).toBe(true);
    expect(structure.markedContentTotal).toBeGreaterThan(20);
    const headings = headingsInOrder(structure.structure);
    expect(headings[0]).toBe('H1');
    expect(headings).toContain('H3');
    expect(headingOrderProblems(headings)).toEqual([]);
    const figures = findAll(structure.structure, 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.alt).toMatch(/^Emotion curve across 4 moments in 3 stages\./);
    expect(findAll(structure.structure, 'Table').length).toBeGreaterThan(0);
    expect(findAll(structure.structure, 'TH').length).toBeGreaterThanOrEqual(7 + 4);
    expect(structure.outlineTitles).toEqual(['Stage 1: Referral', 'Stage 2: Arriving', 'Stage 3: Going home', 'How it felt across the journey', 'Comments']);

    const info = await pdfInfo(bytes);
    expect(info.title).toBe('Outpatients journey');
    expect(info.tagged).toBe(true);
    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, unicode: true });
    expect(await pageIsBlank(bytes, 1)).toBe(false);
  });
});
