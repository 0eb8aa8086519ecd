/**
 * A board far enough into the EBCD method for the browser tests of a co-design group's workspace
 * and the review (issue 16): a stage of three touchpoints with stories, people's feelings about
 * them (each given by that person over HTTP, which the server writes under keys that name nobody:
 * issue 17), and priority areas made by the facilitator's stock client. And a page opened straight at a view's
 * address (`?view=area&area=<id>`, `?view=review`), in British English so a date box takes
 * day, month, year.
 */
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import { boardTypes, newStage, newTouchpoint, type FeelingScore } from '../../shared/board-document.ts';
import { methodTypes, movePriority, newPriority } from '../../shared/method.ts';
import type { BrowserFixture } from './browser-fixture.ts';
import { giveFeeling } from './feelings.ts';
import { roundTrip } from './guard-board.ts';
import { addMember } from './members.ts';
import type { SyncClient } from './sync-client.ts';
import { createBoard, signUp, type AppAddress, type TestPerson, type TestServer } from './test-server.ts';

export const stageId = 'stage-clinic';
/** In journey order. */
export const moments = [
  { id: 'tp-arriving-desk', title: 'Arriving at the desk', story: 'Nobody looked up for ages.' },
  { id: 'tp-waiting-results', title: 'Waiting for results', story: 'Three weeks and no word from anyone.' },
  { id: 'tp-going-home', title: 'Going home', story: 'The nurse phoned the next day to check.' },
] as const;

/** Which server and board each method board's client is on, so {@link giveFeelings} knows where to ask. */
const boardOfClient = new WeakMap<SyncClient, { server: AppAddress; boardId: string; watcher: SyncClient }>();

/**
 * `person` gives their feelings over HTTP, as every feeling is given since issue 17 (no client may
 * write one: the server writes it under a key that names nobody). `client` is the person's own
 * client on a {@link methodBoard}, which says where. What Fay's client wrote reaches the server
 * first (a card the server does not have yet would be 404). Resolves once the server has taken
 * them all (await it; then wait on the watcher to see them arrive); their keys are in the answers
 * of GET …/feelings/mine (support/feelings.ts `myFeelings`).
 */
export async function giveFeelings(client: SyncClient, person: TestPerson, which: 'feelings' | 'feelingsAfter', scores: Record<string, FeelingScore>): Promise<void> {
  const where = boardOfClient.get(client);
  if (where === undefined) throw new Error('giveFeelings takes a client of a methodBoard');
  await roundTrip(where.watcher);
  for (const [touchpointId, score] of Object.entries(scores)) await giveFeeling(where.server, where.boardId, person, touchpointId, { score }, which);
}

export interface MethodBoard {
  boardId: string;
  people: Record<'fay' | 'sam' | 'bo' | 'cy' | 'ana', TestPerson>;
  /** Fay's stock client (she organises): what any program on the board reads. */
  watcher: SyncClient;
  /** Each person's stock client (their feelings they give over HTTP: {@link giveFeelings}). */
  clients: Record<'fay' | 'sam' | 'bo' | 'cy' | 'ana', SyncClient>;
}

/**
 * Fay organises; Sam (edit) and Bo (comment) are in the group of "Waiting without news"; Cy
 * (edit) is not in it; Ana may only look. `areas` are made agreed, in order.
 */
export async function methodBoard(fixture: BrowserFixture, areas: readonly { id: string; title: string; why: string; touchpointIds: string[]; step?: 'agreed' | 'shortlisted' }[]): Promise<MethodBoard> {
  const { server } = fixture;
  const people = {
    fay: await signUp(server, 'Fay Adams'),
    sam: await signUp(server, 'Sam Okoro'),
    bo: await signUp(server, 'Bo Lind'),
    cy: await signUp(server, 'Cy Patel'),
    ana: await signUp(server, 'Ana Ruiz'),
  };
  const boardId = await createBoard(server, people.fay, 'Outpatients clinic');
  const access: Record<'sam' | 'bo' | 'cy' | 'ana', Access> = { sam: 'edit', bo: 'comment', cy: 'edit', ana: 'view' };
  for (const [who, level] of Object.entries(access)) await addMember(server.libsqlUrl, boardId, people[who as keyof typeof access].id, level);
  const clients = Object.fromEntries(Object.entries(people).map(([who, person]) => [who, fixture.nodeClient(boardId, person)])) as MethodBoard['clients'];
  await Promise.all(Object.values(clients).map((client) => client.synced));
  for (const client of Object.values(clients)) boardOfClient.set(client, { server, boardId, watcher: clients.fay });
  const watcher = clients.fay;
  const doc = watcher.doc;
  const { stages, touchpoints } = boardTypes(doc);
  const now = Date.now();
  doc.transact(() => {
    stages.push([newStage(stageId, 'At the clinic')]);
    moments.forEach((moment, i) => {
      touchpoints.set(moment.id, newTouchpoint({ id: moment.id, stageId, order: `a${i}`, title: moment.title, story: moment.story, createdBy: people.fay.id, createdAt: now }));
    });
    areas.forEach((area, i) => {
      const priority = newPriority({ id: area.id, title: area.title, why: area.why, touchpointIds: area.touchpointIds, order: `a${i}`, createdBy: people.fay.id, createdAt: now });
      methodTypes(doc).priorities.set(area.id, priority);
    });
  });
  for (const area of areas) {
    movePriority(doc, area.id, 'shortlisted', people.fay.id, now + 1, null);
    if ((area.step ?? 'agreed') === 'agreed') movePriority(doc, area.id, 'agreed', people.fay.id, now + 2, null);
  }
  return { boardId, people, watcher, clients };
}

/** Puts `userIds` in an area's co-design group (the facilitator's change). */
export function setGroup(client: SyncClient, priorityId: string, userIds: string[]): void {
  const priority = methodTypes(client.doc).priorities.get(priorityId);
  if (!(priority instanceof Y.Map)) throw new Error(`no priority area ${priorityId}`);
  client.doc.transact(() => priority.set('group', userIds));
}

/** `person`'s own browser at `viewport` on the board's `query` view (e.g. `view=review`), once live. */
export async function viewPageOf(browser: Browser, server: TestServer, person: TestPerson, boardId: string, query: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport, locale: 'en-GB' });
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`/boards/${boardId}?${query}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return page;
}

/** Whether the page scrolls sideways (nothing should, at any width). */
export const scrollsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Controls in `selector` smaller than 44 px either way (WCAG 2.5.8 asks 24; the house asks 44),
 * leaving out the comments, a component of their own with its own tests.
 */
export const smallTargets = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate((scope) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(`${scope} button, ${scope} select, ${scope} input, ${scope} textarea, ${scope} a`)) {
      if (element.closest('.visually-hidden, .comments') !== null) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const choice = element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
      // A radio button's or checkbox's target is its whole label.
      const target = choice ? (element.closest('label')?.getBoundingClientRect() ?? box) : box;
      if (target.height < 44 || target.width < 44) small.push(`${element.tagName.toLowerCase()} “${(element.textContent || element.getAttribute('aria-label') || element.id).trim()}” ${Math.round(target.width)}×${Math.round(target.height)}`);
    }
    return small;
  }, selector);
