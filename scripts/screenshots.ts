/**
 * Makes the README's screenshots from the real app: a server with the built client on a temporary
 * database, a day-surgery journey map written by four people through stock y-websocket clients, and
 * Chromium at a laptop's 1366×768 and a phone's 390×844. Run with
 * `node --experimental-strip-types scripts/screenshots.ts` (after `npm run build`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boardTypes, newStage, newTouchpoint, participantKey, type FeelingScore } from '../shared/board-document.ts';
import { identityColor } from '../client/src/board/presence-colors.ts';
import { clientDist } from './build-client.ts';
import { openBoard } from '../test/support/board-page.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { joinBoard } from '../test/support/invites.ts';
import { connectClient } from '../test/support/sync-client.ts';
import { api, signUp, startTestServer } from '../test/support/test-server.ts';

const images = join(import.meta.dirname, '../docs/images');

const journey: [string, [string, string][]][] = [
  ['Referral', [['The letter arrives', 'The letter used words I did not understand.'], ['Phoning to change the date', 'I waited 40 minutes on the phone.']]],
  ['Arriving', [['Finding the unit', 'The signs stopped halfway down the corridor.'], ['At the desk', 'The nurse knew my name and smiled.']]],
  ['Waiting', [['Waiting for theatre', 'Nobody told us how long it would be.']]],
  ['Going home', [['Medicines to take home', 'The pharmacist explained every tablet.'], ['The first night', 'I did not know who to call.']]],
];
const scores: FeelingScore[][] = [
  [-1, -2, -1, 1, -2, 2, 1],
  [-2, -1, 0, 2, -1, 1, -1],
  [0, -2, -2, 1, -2, 2, -2],
  [-1, -1, -1, 2, 0, 2, -1],
];

const server = await startTestServer({ clientDir: clientDist });
const browser = await launchBrowser();
try {
  const ann = await signUp(server, 'Ann');
  const purpose = 'To understand what coming in for day surgery is like, and agree together what to improve first.';
  const created = await api(server, '/api/boards', { body: { title: 'Day surgery journey', purpose }, cookie: ann.cookie });
  const boardId = ((await created.json()) as { board: { id: string } }).board.id;
  const others = [];
  for (const name of ['Sam', 'Priya', 'Joe']) others.push(await joinBoard(server, ann, boardId, 'edit', name));
  const people = [ann, ...others];
  const clients = people.map((person) => connectClient(server, boardId, person.cookie));
  await Promise.all(clients.map((c) => c.synced));

  const writer = boardTypes(clients[0]!.doc);
  let order = 0;
  const touchpointIds: string[] = [];
  clients[0]!.doc.transact(() => {
    journey.forEach(([stage, touchpoints], s) => {
      writer.stages.push([newStage(`s${s}`, stage)]);
      for (const [title, story] of touchpoints) {
        const id = `t${order}`;
        touchpointIds.push(id);
        writer.touchpoints.set(id, newTouchpoint({ id, stageId: `s${s}`, order: `a${order++}`, title, story, createdBy: ann.id, createdAt: Date.now() }));
      }
    });
  });
  clients.forEach((client, p) => {
    const feelings = boardTypes(client.doc).feelings;
    touchpointIds.forEach((id, t) => {
      const score = scores[p]![t]!;
      feelings.set(participantKey(id, people[p]!.id), { score, words: score < 0 ? ['worried'] : ['safe'], at: Date.now() });
    });
    // Ann is on the page herself; the others are here too, each with the colour their own page sends.
    if (p > 0) client.provider.awareness.setLocalStateField('user', { name: people[p]!.displayName, color: identityColor(people[p]!.id) });
  });

  for (const [file, viewport] of [
    ['board.png', { width: 1366, height: 768 }],
    ['board-phone.png', { width: 390, height: 844 }],
  ] as const) {
    const signedIn = await browser.newContext({ baseURL: server.config.publicOrigin, viewport, deviceScaleFactor: 1 });
    const [name, value] = ann.cookie.split('=') as [string, string];
    await signedIn.addCookies([{ name, value, url: server.config.publicOrigin }]);
    const page = await openBoard(signedIn, boardId);
    await page.getByText('The nurse knew my name').first().waitFor();
    // The map itself: the first stage just under the pinned status line.
    await page.getByRole('heading', { name: /Referral/ }).first().evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
    writeFileSync(join(images, file), await page.screenshot({ fullPage: false }));
    console.log(`wrote docs/images/${file}`);
    if (viewport.width > 1000) {
      // The emotion curve under the map: its chart (not the table), as the README shows it.
      const chart = page.getByRole('region', { name: 'Emotion curve' }).locator('svg').first();
      await chart.scrollIntoViewIfNeeded();
      writeFileSync(join(images, 'emotion-curve.png'), await chart.screenshot());
      console.log('wrote docs/images/emotion-curve.png');
    }
    await signedIn.close();
  }
  for (const client of clients) client.destroy();
} finally {
  await browser.close();
  await server.dispose();
}
