/**
 * "How each group felt" in the PDF export (issue 17, "the same rule in the PDF"), on both
 * runtimes: a real board whose facilitator turned perspectives on with a stock y-websocket client,
 * five members choosing over HTTP (PUT /perspective: 3 use the service, 2 work here) and giving
 * feelings over HTTP at one moment. GET export.pdf read with pdftotext:
 * - Only the 3 people's line has a point there ("Very bad (3 people)"); the 2 people's says
 *   "Fewer than 3 people — not shown", and nothing of their count is anywhere in the file.
 * - Before perspectives are turned on the file has no such section.
 * - Nobody who chose is named in the file, names left out or not (they only chose and felt).
 * - The cover counts each person once however many feelings they gave (whose each is, the server's
 *   records say: the keys name nobody).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newTouchpoint } from '../../shared/board-document.ts';
import { defaultPerspectives, notShownWords } from '../../shared/perspectives.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { pdfText } from '../support/pdf-tools.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, signUp, type TestPerson } from '../support/test-server.ts';

const corridor = 'touch-corridor-pdf';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(targets)('how each group felt in the PDF on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  let people: TestPerson[];
  const open: SyncClient[] = [];

  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    boardTypes(fay.doc).touchpoints.set(corridor, newTouchpoint({ id: corridor, stageId: seeded.waiting, order: 'a0', title: 'The long corridor', consent: 'ready', createdBy: cast.facilitate.id, createdAt: Date.now() }));
    await roundTrip(fay);
    people = await Promise.all(['Sal', 'Tam', 'Uma', 'Val', 'Wyn'].map((name) => signUp(app, name).then((person) => joinBoard(app, cast.facilitate, boardId, 'comment', person))));
  }, 120_000);
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const exportText = async (query = '') => {
    const response = await api(app, `/api/boards/${boardId}/export.pdf${query}`, { cookie: cast.view.cookie });
    expect(response.status).toBe(200);
    return flat(await pdfText(new Uint8Array(await response.arrayBuffer())));
  };

  it('has no section before perspectives are on', async () => {
    const text = await exportText();
    expect(text).toContain('The long corridor');
    expect(text).not.toContain('How each group felt');
    expect(text).not.toContain(notShownWords);
  });

  it('shows only the line of the group with 3 people at a moment, not the one with 2, and names nobody', async () => {
    const fay = open[0]!;
    boardTypes(fay.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    await roundTrip(fay);
    const [patients, staff] = [people.slice(0, 3), people.slice(3)];
    for (const [group, choice] of [[patients, 'uses-this-service'], [staff, 'works-here']] as const) {
      for (const person of group) {
        const chosen = await api(app, `/api/boards/${boardId}/perspective`, { method: 'PUT', body: { choice }, cookie: person.cookie });
        expect(await chosen.json()).toEqual({ choice });
      }
    }
    for (const [index, person] of patients.entries()) await giveFeeling(app, boardId, person, corridor, { score: index === 1 ? -1 : -2 });
    for (const person of staff) await giveFeeling(app, boardId, person, corridor, { score: 2 });

    const text = await exportText();
    expect(text).toContain('How each group felt');
    expect(text).toContain('A group’s line is shown at a moment only where at least 3 of its people gave a feeling there');
    // The table's row: uses the service, cares for someone, works here.
    expect(text).toMatch(new RegExp(`\\d+ The long corridor Very bad \\(3 people\\) ${notShownWords} ${notShownWords}`));
    expect(text).not.toContain('(2 people)');
    expect(text).toContain('Where views differ most Nowhere yet.');
    const anonymised = await exportText('?anonymise=1');
    expect(anonymised).toContain('Very bad (3 people)');
    for (const shown of [text, anonymised]) for (const person of people) expect(shown).not.toContain(person.displayName);
  }, 60_000);

  it('counts each person once on the cover however many feelings they gave, though the keys name nobody', async () => {
    // Fay added the cards and a comment; the five gave a feeling at the corridor; now each also
    // gives one at the reception and says how it feels now: still six people, not sixteen.
    for (const person of people) {
      await giveFeeling(app, boardId, person, seeded.reception, { score: 1 });
      await giveFeeling(app, boardId, person, corridor, { score: 0 }, 'feelingsAfter');
    }
    expect(await exportText()).toContain('6 people took part');
  }, 60_000);
});
