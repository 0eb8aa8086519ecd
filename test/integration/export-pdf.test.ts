/**
 * The board as a PDF (issue 14), on both runtimes: a real server, members writing through stock
 * y-websocket clients, the file read with poppler and qpdf (test/support/pdf-tools.ts).
 * Feelings are given over HTTP (the server writes them under keys that name nobody).
 * - Access: any member gets 200 application/pdf with a filename; no session 401, not a member 403,
 *   no such board 404, a choice it does not take 400 — each in the contract's error shape.
 * - Text: every stage and touchpoint title and story in map order, the feelings summary and the
 *   curve's table; comments only when asked; with anonymise=1 no member's name anywhere, and a
 *   comment without a name never names its author in any export.
 * - The method after the map (issue 16), written by the facilitator's stock client as the guard
 *   allows: after the curve and before the comments, the cover's list saying so in that order;
 *   the agreed area first, then the shortlist, then the one considered, the set-aside one only
 *   named; each area's why, moments numbered as on the curve, funnel in words, group by first
 *   name, ideas, and the action plan's table with "Overdue" in words; the review's before-and-after
 *   note, actions done and each moment at the start beside now; comments on an area. With
 *   anonymise=1 the group is a count and a member who owns an action "A member of the group".
 * - Structure: a tagged tree with headings in order from H1, Figures with alternative text (the
 *   curve's and the review's), tables with header cells, /Lang, DisplayDocTitle, bookmarks for
 *   the stages, the curve, each priority area, the review and the comments, every font embedded
 *   with a Unicode map; the first page is not blank.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { methodTypes, movePriority, newAction, newIdea, newPriority } from '../../shared/method.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { giveFeeling } from '../support/feelings.ts';
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

/** The priority areas, as the facilitator makes them: [id, title, touchpoints, moves after "considered"]. */
const areas = [
  ['area-letters', 'Letters that arrive in time', ['touch-letter'], []],
  ['area-food-ward', 'Food on the ward', [], ['set-aside']],
  ['area-pharmacy', 'Medicines ready before you leave', ['touch-pharmacy'], ['shortlisted']],
  ['area-parking', 'Getting in without the stress', ['touch-desk', 'touch-parking'], ['shortlisted', 'agreed']],
] as const;
const march = (day: number) => Date.UTC(2027, 2, day);

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
    const { stages, touchpoints, comments, meta } = boardTypes(fay.doc);
    fay.doc.transact(() => {
      meta.set('purpose', 'To see how a day in outpatients feels.');
      meta.set('anonymousComments', true);
      for (const stage of journey) {
        stages.push([newStage(stage.id, stage.title)]);
        stage.cards.forEach((card, index) =>
          touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: stage.id, order: `a${index}`, title: card.title, story: card.story, consent: 'ready', createdBy: cast.facilitate.id, createdAt: Date.now() })),
        );
      }
      comments.set('comment-from-fay', newComment({ id: 'comment-from-fay', authorId: cast.facilitate.id, body: 'Parking came up in every interview.', touchpointId: 'touch-parking' }));
    });
    await roundTrip(fay);
    // Feelings are given over HTTP; the server writes them under keys that name nobody.
    for (const [person, score, words] of [[cast.facilitate, 1, ['welcomed']], [cast.edit, -2, ['ignored', 'anxious']], [cast.comment, -1, ['anxious']]] as const) {
      await giveFeeling(app, boardId, person, 'touch-desk', { score, words: [...words] });
    }
    // The method after the map, all written by the facilitator (who may write everything), then
    // feelings given again at the review by three people, each their own.
    const { priorities, actions, ideas } = methodTypes(fay.doc);
    fay.doc.transact(() => {
      areas.forEach(([id, title, touchpointIds], index) => {
        const why = id === 'area-parking' ? 'Everyone we spoke to mentioned parking.' : '';
        priorities.set(id, newPriority({ id, title, why, touchpointIds: [...touchpointIds], order: `a${index}`, createdBy: cast.facilitate.id, createdAt: march(3) }));
      });
      priorities.get('area-parking')!.set('group', [cast.edit.id, cast.comment.id]);
      const plan = [
        ['action-signs', 'Signs to the drop-off bay', { userId: cast.edit.id }, '2020-01-15', 'under-way'],
        ['action-volunteer', 'A volunteer meets people at the door', { name: 'Ward 4 nurses' }, '2099-06-01', 'not-started'],
        ['action-free-parking', 'Free parking for long appointments', { userId: cast.facilitate.id }, '2027-04-01', 'done'],
      ] as const;
      plan.forEach(([id, what, owner, due, status], index) => {
        const action = newAction({ id, priorityId: 'area-parking', what, owner, due, order: `a${index}`, createdBy: cast.facilitate.id, createdAt: march(25) });
        action.set('status', status);
        actions.set(id, action);
      });
      ideas.set('idea-map-letter', newIdea({ id: 'idea-map-letter', priorityId: 'area-parking', body: 'A map sent with the letter', createdBy: cast.facilitate.id, createdAt: march(25) }));
    });
    fay.doc.transact(() => {
      (actions.get('action-signs')!.get('note') as Y.Text).insert(0, 'Waiting for estates.');
      (priorities.get('area-parking')!.get('beforeAfter') as Y.Text).insert(0, 'Before: forty minutes to park. Now: a bay is kept free.');
      const onArea = newComment({ id: 'comment-on-area', authorId: cast.facilitate.id, body: 'Estates want to help with this one.', touchpointId: 'touch-parking' });
      onArea.set('target', { type: 'priority', id: 'area-parking' });
      comments.set('comment-on-area', onArea);
    });
    for (const [id, , , moves] of areas) moves.forEach((step, index) => movePriority(fay.doc, id, step, cast.facilitate.id, march(step === 'agreed' ? 24 : 10 + index), null));
    await roundTrip(fay);
    for (const [person, score] of [[cast.facilitate, 1], [cast.edit, 2], [cast.comment, 0]] as const) {
      await giveFeeling(app, boardId, person, 'touch-desk', { score }, 'feelingsAfter');
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
      [await exportAs(cast.facilitate, '?internal=yes'), 400, 'invalid_query'],
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

  it('tells the priority areas, their action plans and the review after the curve and before the comments', async () => {
    const text = (await pdfText(await pdfOf(cast.view, '?comments=1'))).replace(/\s+/g, ' ');
    /** Each of `parts` found after the one before it. */
    const inOrder = (parts: string[]) => {
      let from = 0;
      for (const words of parts) {
        const at = text.indexOf(words, from);
        expect(at, `“${words}” after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + words.length;
      }
    };
    // The cover's list says what follows, in the order it follows.
    inOrder([
      'In this document:',
      'the journey stage by stage',
      'the emotion curve across the journey',
      'the priority areas: what was agreed, shortlisted and considered',
      'the review: what changed in each priority area',
      'the comments',
      'Stage 1: Referral',
      'How it felt across the journey',
      // Agreed, then the shortlist, then the rest considered; set aside only named.
      'Priority areas',
      'Agreed at the joint event: Getting in without the stress.',
      'On the shortlist: Medicines ready before you leave.',
      'Considered: Letters that arrive in time.',
      'Also considered: Food on the ward (set aside).',
      'Priority area 1: Getting in without the stress',
      'Considered 3 March 2027, shortlisted 10 March, agreed at the joint event 24 March.',
      'Why it matters: Everyone we spoke to mentioned parking.',
      // Numbered as on the curve, in journey order (the area lists the desk first).
      '2. Finding somewhere to park',
      '3. At the front desk',
      'The co-design group: Ed and Cam.',
      'Ideas',
      'A map sent with the letter',
      'Action plan',
      'What will change',
      'Priority area 2: Medicines ready before you leave',
      'Considered 3 March 2027, shortlisted 10 March.',
      '4. Waiting at the pharmacy',
      'No one is in the co-design group yet.',
      'Priority area 3: Letters that arrive in time',
      'Considered 3 March 2027.',
      '1. The letter arrives',
      'Review: what changed',
      'Priority area 1: Getting in without the stress',
      'Before and after: Before: forty minutes to park. Now: a bay is kept free.',
      '1 of 3 actions done: Free parking for long appointments.',
      'How it felt at the start',
      'How it feels now',
      'Priority area 2: Medicines ready before you leave',
      'No before-and-after note written yet.',
      'Comments',
      'On the priority area “Getting in without the stress”',
      'Estates want to help with this one.',
    ]);
    expect(text).toContain('Note on action 1: Waiting for estates.');
    expect(text.match(/Overdue\./g)).toHaveLength(1);
    // Table rows read left to right as laid out (pdftotext's reading order may take a row's cells in any order).
    const rows = (await pdfText(await pdfOf(cast.view), { layout: true })).replace(/[ \t]+/g, ' ');
    // The plan's rows: who, by when, and the status in words; "Overdue" only where it is.
    expect(rows).toMatch(/1\. Signs to the drop-off bay Ed 15 January 2020 Under way\.\n.*Overdue\./);
    expect(rows).toMatch(/2\. A volunteer meets people at the door Ward 4 nurses 1 June 2099 Not started\.\n(?!.*Overdue)/);
    expect(rows).toMatch(/3\. Free parking for long appointments Fay 1 April 2027 Done\.\n(?!.*Overdue)/);
    // The review's table: the desk at the start beside now, each with its middle and counts.
    expect(rows).toMatch(/3 At the front desk Middle feeling: Bad\.[^\n]* Middle feeling: Good\./);
    // The set-aside area is only named: it has no part of its own.
    expect(text).not.toContain('Priority area 4');
  });

  it('leaves out every name with anonymise=1', async () => {
    const bytes = await pdfOf(cast.facilitate, '?anonymise=1&comments=1');
    const text = await pdfText(bytes);
    expect(text).toContain('This copy leaves out everyone’s names.');
    expect(text).toContain('Parking came up in every interview.');
    // The co-design group as a count; a member who owns an action as a member of the group; words kept.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('The co-design group: 2 people.');
    const rows = (await pdfText(bytes, { layout: true })).replace(/[ \t]+/g, ' ');
    expect(rows).toMatch(/1\. Signs to the drop-off bay A member of[^\n]* 15 January 2020/);
    expect(rows).toMatch(/A volunteer meets people at the door Ward 4 nurses/);
    // Fay owns an action but is not in the group.
    expect(rows).toMatch(/Free parking for long appointments Someone on/);
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
    const figures = findAll(structure.structure, 'Figure').map((figure) => figure.alt ?? '');
    const [curves, reviews] = [figures.filter((alt) => alt.startsWith('Emotion curve')), figures.filter((alt) => alt.startsWith('How it felt at the start'))];
    expect(curves.length).toBeGreaterThan(0);
    for (const alt of curves) expect(alt).toMatch(/^Emotion curve across 4 moments in 3 stages\./);
    // The review's chart for the agreed area: both its moments, at the start and now, in words.
    expect(reviews).toContain(
      'How it felt at the start and how it feels now, at 2 moments. 2. Finding somewhere to park: at the start no one has said, now no one has said. 3. At the front desk: at the start bad, now good. The table below gives the figures.',
    );
    expect(figures.length).toBe(curves.length + reviews.length);
    // The curve's table, the action plan, and a before-and-now table for each of the three areas.
    expect(findAll(structure.structure, 'Table').length).toBe(1 + 1 + 3);
    const headers = findAll(structure.structure, 'TH');
    // Column headers: 7 for the curve, 4 for the plan, 4 for each review table; a row header for each moment and action.
    expect(headers.length).toBe(7 + 4 + 4 * 3 + 4 + 3 + (2 + 1 + 1));
    expect(structure.outlineTitles).toEqual([
      'Stage 1: Referral',
      'Stage 2: Arriving',
      'Stage 3: Going home',
      'How it felt across the journey',
      'Priority areas',
      'Priority area 1: Getting in without the stress',
      'Priority area 2: Medicines ready before you leave',
      'Priority area 3: Letters that arrive in time',
      'Review: what changed',
      'Comments',
    ]);

    const info = await pdfInfo(bytes);
    expect(info.title).toBe('Outpatients journey');
    expect(info.tagged).toBe(true);
    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, unicode: true });
    expect(await pageIsBlank(bytes, 1)).toBe(false);
  });
});
