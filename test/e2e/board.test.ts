/**
 * The journey-map board in real Chromium against the real server: two people co-editing, a
 * keyboard-only flow, offline edits that survive closing the tab, interplay with stock Node
 * y-websocket clients writing the contract's schema (each in its own writer's name, as the
 * server's guard requires; feelings given over HTTP, which the server writes), and axe-core's
 * WCAG 2.2 AA rules.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, type Feeling } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { addStage, addTouchpoint, chooseCardAction, contextFor, openBoard } from '../support/board-page.ts';
import { twoPeopleOnBoard, useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip } from '../support/guard-board.ts';
import { addMember } from '../support/members.ts';
import { tabTo } from '../support/keyboard.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { waitUntilHere } from '../support/presence.ts';

const fixture = useBrowserFixture();
const nodeClient = fixture.nodeClient.bind(fixture);

function card(page: Page, title: string) {
  return page.locator('[data-touchpoint-id]').filter({ has: page.getByRole('heading', { name: title }) });
}

describe('the journey-map board', () => {
  it('lets two people build a map together and see each other', async () => {
    const { pageA, pageB } = await twoPeopleOnBoard(fixture, 'Outpatients');

    await addStage(pageA, 'Arriving');
    await pageB.getByRole('heading', { name: /Arriving/ }).waitFor();
    await addTouchpoint(pageA, 'Reception desk');
    await pageB.getByRole('heading', { name: 'Reception desk' }).waitFor();

    const onB = card(pageB, 'Reception desk');
    await onB.getByRole('radiogroup', { name: 'How did this feel?' }).getByLabel('Bad', { exact: true }).check();
    await card(pageA, 'Reception desk').getByText(/1 person/).waitFor();
    const row = pageA.getByRole('table', { name: 'How each moment felt' }).getByRole('row', { name: /Reception desk/ });
    await expect.poll(() => row.textContent()).toContain('Bad');
    // The stage's part of the curve sits under its cards, saying the same in words.
    await pageA.getByRole('img', { name: /How Arriving felt, moment by moment: the middle feeling is Bad/ }).waitFor();

    // People first: names only, no roles; and where each person is working.
    await waitUntilHere(pageA, 'Bob');
    await onB.getByRole('radio', { name: 'Bad', exact: true }).focus();
    await card(pageA, 'Reception desk').getByText(/Bob\s+is here/).waitFor();
    const body = (await pageA.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/\b(patient|staff|consultant|clinician|nurse)\b/i);
    await pageA.context().close();
    await pageB.context().close();
  });

  it('works by keyboard alone: add a stage, a touchpoint and a feeling', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Kay');
    const boardId = await createBoard(server, ann, 'Keyboard journey');
    const page = await openBoard(await contextFor(browser, server, ann), boardId);
    await tabTo(page, 'Add stage');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Waiting');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Waiting/ }).waitFor();
    await tabTo(page, 'Add touchpoint');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Being called in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Being called in' }).waitFor();
    await tabTo(page, 'Very bad');
    await page.keyboard.press('ArrowRight'); // radios: arrows move and choose
    const watcher = nodeClient(boardId, ann);
    await watcher.synced;
    await waitUntil(() => {
      const [feeling] = [...boardTypes(watcher.doc).feelings.values()] as Feeling[];
      return feeling?.score === -1;
    }, 'the feeling chosen by keyboard reaches another client');
    await page.context().close();
  });

  it('keeps edits made offline on the device and merges them when back', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Olu');
    const boardId = await createBoard(server, ann, 'Offline journey');
    const context = await contextFor(browser, server, ann);
    const page = await openBoard(context, boardId);
    await addStage(page, 'Online stage');
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await addStage(page, 'Offline stage');
    await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();
    await page.close();

    const check = nodeClient(boardId, ann);
    await check.synced;
    const titles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((s) => s.get('title'));
    expect(titles(check.doc)).toEqual(['Online stage']); // the server never got it

    await context.setOffline(false);
    const again = await openBoard(context, boardId);
    await again.getByRole('heading', { name: /Offline stage/ }).waitFor();
    await waitUntil(() => titles(check.doc).includes('Offline stage'), 'the offline stage reaches the server');
    await again.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    await context.close();
  });

  it('shows what Node y-websocket clients write, live, and the client sees the page\'s edits', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Noor');
    const bob = await signUp(server, 'Sam');
    const boardId = await createBoard(server, ann, 'Interop');
    // Sam can give feelings. Each person gives their own over HTTP; the server writes them.
    await addMember(server.libsqlUrl, boardId, bob.id, 'comment');
    const other = nodeClient(boardId, ann);
    await other.synced;
    const { stages, touchpoints } = boardTypes(other.doc);
    other.doc.transact(() => {
      stages.push([newStage('stage-discharge', 'Discharge')]);
      touchpoints.set('card-letter', newTouchpoint({ id: 'card-letter', stageId: 'stage-discharge', order: 'a0', title: 'Going home letter', createdBy: ann.id, createdAt: 1 }));
    });
    await roundTrip(other);
    await giveFeeling(server, boardId, ann, 'card-letter', { score: 2, words: ['relieved'] });
    const page = await openBoard(await contextFor(browser, server, ann), boardId);
    const tp = card(page, 'Going home letter');
    await tp.waitFor();
    await tp.getByText('1 person: 1 very good.').waitFor();
    // The feeling Noor gave is hers on the page (the server tells her alone where it is).
    await expect.poll(() => tp.getByRole('radio', { name: 'Very good', exact: true }).isChecked()).toBe(true);

    // Written while the page is open, by the Node client and by another member: shown live.
    other.doc.transact(() => {
      touchpoints.set('card-tablets', newTouchpoint({ id: 'card-tablets', stageId: 'stage-discharge', order: 'a1', title: 'Tablets to take home', createdBy: ann.id, createdAt: 2 }));
    });
    await card(page, 'Tablets to take home').waitFor();
    await giveFeeling(server, boardId, bob, 'card-letter', { score: -1, words: ['confused'] });
    await tp.getByText('2 people: 1 bad, 1 very good.').waitFor();
    // Sam's is counted, never taken for Noor's.
    expect(await tp.getByRole('radio', { name: 'Very good', exact: true }).isChecked()).toBe(true);
    expect(await tp.getByRole('radio', { name: 'Bad', exact: true }).isChecked()).toBe(false);

    await chooseCardAction(page, 'Going home letter', 'Change name or story');
    await page.getByLabel('Story').fill('They explained every tablet.');
    await waitUntil(
      () => String(touchpoints.get('card-letter')?.get('story')) === 'They explained every tablet.',
      'the story typed in the page reaches the Node client',
    );
    await page.context().close();
  });

  it('has no WCAG 2.2 A/AA violations on the boards list and the board page', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Axe');
    const boardId = await createBoard(server, ann, 'Accessible journey');
    const context = await contextFor(browser, server, ann);
    const list = await context.newPage();
    await list.goto('/');
    await list.getByRole('heading', { name: 'Your boards' }).waitFor();
    expect(await axeViolations(list)).toEqual([]);

    const page = await openBoard(context, boardId);
    await addStage(page, 'Arriving');
    await addTouchpoint(page, 'Finding the clinic');
    await card(page, 'Finding the clinic').getByLabel('Good', { exact: true }).check();
    await card(page, 'Finding the clinic').getByText(/1 person/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
