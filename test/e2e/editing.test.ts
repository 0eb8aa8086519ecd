/**
 * Editing the map in real Chromium, checked against what another client receives: reordering
 * stages, moving a touchpoint to another stage, deleting with undo, the undo keys, and reduced
 * motion.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { chooseCardAction, contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => stage.get('title'));

async function twoStageBoard() {
  const ann = await signUp(fixture.server, 'Ann');
  const boardId = await createBoard(fixture.server, ann, 'Editing');
  const other = fixture.nodeClient(boardId, ann);
  await other.synced;
  const { stages, touchpoints } = boardTypes(other.doc);
  other.doc.transact(() => {
    stages.push([newStage('stage-num-1', 'Arriving'), newStage('stage-num-2', 'Waiting')]);
    touchpoints.set('touchpoint-num-1', newTouchpoint({ id: 'touchpoint-num-1', stageId: 'stage-num-1', order: 'a0', title: 'Car park', createdBy: ann.id, createdAt: 1 }));
  });
  const page = await openBoard(await contextFor(fixture.browser, fixture.server, ann), boardId);
  await page.getByRole('heading', { name: 'Car park' }).waitFor();
  return { page, doc: other.doc };
}

describe('editing the map', () => {
  it('reorders stages and moves a touchpoint to another stage', async () => {
    const { page, doc } = await twoStageBoard();
    await page.getByRole('button', { name: 'Move later: Arriving' }).click();
    await waitUntil(() => stageTitles(doc).join() === 'Waiting,Arriving', 'the stage moved for everyone');
    await chooseCardAction(page, 'Car park', 'Move to another stage');
    await page.getByLabel('Move to stage').selectOption({ label: 'Step 1: Waiting' });
    await page.getByRole('button', { name: 'Move touchpoint' }).click();
    await waitUntil(() => boardTypes(doc).touchpoints.get('touchpoint-num-1')?.get('stageId') === 'stage-num-2', 'the touchpoint moved to Waiting');
    await page.context().close();
  });

  it('moves a touchpoint by dragging it onto another stage', async () => {
    const { page, doc } = await twoStageBoard();
    const card = page.locator('[data-touchpoint-id="touchpoint-num-1"]');
    const waiting = page.locator('.stage').filter({ has: page.getByRole('heading', { name: /Waiting/ }) });
    // Both in sight, as for a person dragging with a mouse: the emulated drag cannot scroll the
    // page mid-drag, and a facilitator's stage has a row of controls above its cards.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await card.dragTo(waiting);
    await waitUntil(() => boardTypes(doc).touchpoints.get('touchpoint-num-1')?.get('stageId') === 'stage-num-2', 'the dragged card moved to Waiting');
    await page.context().close();
  });

  it('deletes a stage with its touchpoints after asking, and brings both back with Undo delete', async () => {
    const { page, doc } = await twoStageBoard();
    await page.getByRole('button', { name: 'Delete stage: Arriving' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    // Into Recently deleted: hidden by an entry, its card kept with it.
    await waitUntil(() => boardTypes(doc).deleted.has('stage-num-1') && boardTypes(doc).touchpoints.has('touchpoint-num-1'), 'the stage is in Recently deleted');
    await page.getByRole('heading', { name: 'Car park' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await waitUntil(() => !boardTypes(doc).deleted.has('stage-num-1') && stageTitles(doc).join() === 'Arriving,Waiting', 'both are back');
    await page.getByRole('heading', { name: 'Car park' }).waitFor();
    await page.context().close();
  });

  it('undoes and redoes with Ctrl+Z and Shift+Ctrl+Z', async () => {
    const { page, doc } = await twoStageBoard();
    await page.getByRole('button', { name: 'Move later: Arriving' }).click();
    await waitUntil(() => stageTitles(doc).join() === 'Waiting,Arriving', 'moved');
    await page.keyboard.press('Control+z');
    await waitUntil(() => stageTitles(doc).join() === 'Arriving,Waiting', 'undone by key');
    await page.keyboard.press('Control+Shift+z');
    await waitUntil(() => stageTitles(doc).join() === 'Waiting,Arriving', 'redone by key');
    await page.context().close();
  });

  it('has no transitions when the person asks for reduced motion', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Calm');
    const context = await browser.newContext({ baseURL: server.config.publicOrigin, reducedMotion: 'reduce' });
    const [name, value] = ann.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
    const page = await openBoard(context, boardId);
    const durations = await page.evaluate(() =>
      [...document.querySelectorAll('button, a, input')].map((el) => getComputedStyle(el).transitionDuration),
    );
    expect(durations.length).toBeGreaterThan(0);
    expect(new Set(durations)).toEqual(new Set(['0s']));
    await context.close();
  });
});
