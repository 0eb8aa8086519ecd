/**
 * What makes a shared map safe to work on together, in real Chromium: two people typing in one
 * story both keep their words, Undo takes back only your own change, someone else's change to the
 * card you are on is announced, and the page reflows at 320 px (WCAG 1.4.10).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { addStage, addTouchpoint, cardMenuName, chooseCardAction, contextFor, openBoard } from '../support/board-page.ts';
import { twoPeopleOnBoard, useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { waitUntilHere } from '../support/presence.ts';

const fixture = useBrowserFixture();

/** A board with one stage and one touchpoint, written by a Node client as `owner`. */
async function seededBoard(owner: TestPerson, title: string): Promise<{ boardId: string; story: Y.Text; doc: Y.Doc }> {
  const boardId = await createBoard(fixture.server, owner, title);
  const client = fixture.nodeClient(boardId, owner);
  await client.synced;
  const { stages, touchpoints } = boardTypes(client.doc);
  client.doc.transact(() => {
    stages.push([newStage('stage-clinic', 'Clinic')]);
    touchpoints.set('touchpoint-doctor', newTouchpoint({ id: 'touchpoint-doctor', stageId: 'stage-clinic', order: 'a0', title: 'Seeing the doctor', createdBy: owner.id, createdAt: 1 }));
  });
  return { boardId, story: touchpoints.get('touchpoint-doctor')!.get('story') as Y.Text, doc: client.doc };
}

function cardTitles(page: Page) {
  return page.locator('.stages').getByRole('heading', { level: 3 }).allTextContents();
}

describe('working together', () => {
  it('keeps both people\'s words when they type in the same story at once', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const { boardId, story } = await seededBoard(ann, 'Typing together');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const pages = await Promise.all([ann, bob].map(async (person) => openBoard(await contextFor(browser, server, person), boardId)));
    for (const page of pages) {
      await chooseCardAction(page, 'Seeing the doctor', 'Change name or story');
      await page.getByLabel('Story').click();
    }
    await Promise.all([
      pages[0]!.keyboard.type('Ann waited an hour. ', { delay: 15 }),
      pages[1]!.keyboard.type('Bob was seen quickly. ', { delay: 15 }),
    ]);
    await waitUntil(() => story.toString().includes('Ann waited an hour.') && story.toString().includes('Bob was seen quickly.'), 'both sentences reach the server');
    for (const page of pages) {
      await expect.poll(() => page.getByLabel('Story').inputValue()).toBe(story.toString());
      await page.context().close();
    }
  });

  it('undoes only your own change, never someone else\'s', async () => {
    const { pageA, pageB } = await twoPeopleOnBoard(fixture, 'Undo is personal');
    // Stages are Ann's (she organises); both add a card to it.
    await addStage(pageA, 'Clinic');
    await pageB.getByRole('heading', { name: /Clinic/ }).waitFor();
    for (const [page, title] of [[pageA, 'From Ann'], [pageB, 'From Bob']] as const) await addTouchpoint(page, title);
    await expect.poll(() => cardTitles(pageA)).toHaveLength(2);
    await pageA.getByRole('button', { name: 'Undo', exact: true }).click();
    for (const page of [pageA, pageB]) await expect.poll(() => cardTitles(page)).toEqual(['From Bob']);
    await pageA.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => cardTitles(pageB)).toHaveLength(2);
    await pageA.context().close();
    await pageB.context().close();
  });

  it('tells you when someone else changes the card you are on', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const { boardId, story } = await seededBoard(ann, 'News');
    const page = await openBoard(await contextFor(browser, server, ann), boardId);
    await page.getByRole('button', { name: cardMenuName('Seeing the doctor') }).focus();
    story.insert(0, 'Written elsewhere. ');
    await page.locator('[aria-live="polite"]:not([role="status"])').filter({ hasText: /changing the story of Seeing the doctor/ }).waitFor({ state: 'attached' });
    await page.context().close();
  });

  it('lets you follow someone: the card they are on comes into view', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const boardId = await createBoard(server, ann, 'Follow me');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const writer = fixture.nodeClient(boardId, ann);
    await writer.synced;
    const { stages, touchpoints } = boardTypes(writer.doc);
    writer.doc.transact(() => {
      for (let i = 0; i < 20; i++) {
        stages.push([newStage(`stage-number-${i}`, `Stage ${i + 1}`)]);
        touchpoints.set(`touchpoint-number-${i}`, newTouchpoint({ id: `touchpoint-number-${i}`, stageId: `stage-number-${i}`, order: 'a0', title: `Moment ${i + 1}`, createdBy: ann.id, createdAt: 1 }));
      }
    });
    const pageA = await openBoard(await contextFor(browser, server, ann), boardId);
    const pageB = await openBoard(await contextFor(browser, server, bob), boardId);
    await waitUntilHere(pageA, 'Bob');
    await pageA.getByRole('button', { name: 'Follow Bob' }).click();
    const far = pageA.locator('[data-touchpoint-id="touchpoint-number-19"]');
    expect(await far.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
    await pageB.getByRole('button', { name: cardMenuName('Moment 20') }).focus();
    await pageA.locator('[data-touchpoint-id="touchpoint-number-19"]').getByText(/Bob\s+is here/).waitFor();
    await expect
      // The page scrolls smoothly past many stages; on a busy machine that takes more than poll's 1 s default.
      .poll(() => far.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }), { timeout: 10_000 })
      .toBe(true);
    await pageA.context().close();
    await pageB.context().close();
  });

  it('shows a view member the map without editing controls', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const vic = await signUp(server, 'Vic');
    const { boardId } = await seededBoard(ann, 'Look only');
    await addMember(server.libsqlUrl, boardId, vic.id, 'view');
    const page = await openBoard(await contextFor(browser, server, vic), boardId);
    await page.getByText('You can look at this board, but not change it.').waitFor();
    await page.getByRole('heading', { name: 'Seeing the doctor' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^More actions for/ }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Good', exact: true }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it('reflows at 320 CSS pixels without sideways scrolling of the page', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const { boardId } = await seededBoard(ann, 'Narrow screens');
    const context = await contextFor(browser, server, ann);
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`/boards/${boardId}`);
    await page.getByRole('heading', { name: 'Seeing the doctor' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
