/**
 * The emotion curve in real Chromium (issue 10, points 7, 9 and 10): a journey of 3 stages × 4
 * touchpoints whose feelings five people give over HTTP, as the page does (the server writes them). At a
 * 1366×768 laptop the picture fills its box and names every touchpoint; each point is a Tab stop
 * that says its title, middle feeling, spread and count; at a 390×844 phone neither the picture,
 * the table nor the page scrolls sideways; the pinned bar at the top always stays on top of the
 * chart; and axe-core finds nothing. Set CURVE_SCREENSHOTS=<folder> to keep screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint, type FeelingScore } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip } from '../support/guard-board.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';

const fixture = useBrowserFixture();

const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

/** Scores by five people (null: that person said nothing) for each touchpoint, journey order. */
const journey: { stage: string; touchpoints: { title: string; scores: (FeelingScore | null)[] }[] }[] = [
  {
    stage: 'Getting there',
    touchpoints: [
      { title: 'The letter with the date', scores: [1, 1, 2, 1, 0] },
      { title: 'Finding the car park', scores: [-2, -1, -1, 0, -2] },
      { title: 'At the desk', scores: [-2, -1, -1, 1, -1] },
      { title: 'Waiting room', scores: [0, 0, -1, null, 0] },
    ],
  },
  {
    stage: 'Being seen in clinic',
    touchpoints: [
      { title: 'Being called in', scores: [1, 1, 1, 1, 1] },
      { title: 'Being told the diagnosis in a small room with people I had never met', scores: [-2, -2, 1, -1, 2] },
      { title: 'Questions answered', scores: [2, null, null, null, null] },
      { title: 'Blood test', scores: [0, -1, null, 0, -1] },
    ],
  },
  {
    stage: 'Going home',
    touchpoints: [
      { title: 'Discharge letter', scores: [1, 0, 1, 2, 1] },
      { title: 'Medicines explained', scores: [2, 2, 1, 2, 2] },
      { title: 'Transport home', scores: [-1, -2, -1, -1, 0] },
      { title: 'Follow-up phone call', scores: [null, null, null, null, null] },
    ],
  },
];

/** What a screen reader says at each point, written out by hand from the scores above. */
const spokenNames = [
  'The letter with the date: middle feeling Good, from Okay to Very good, 5 people',
  'Finding the car park: middle feeling Bad, from Very bad to Okay, 5 people',
  'At the desk: middle feeling Bad, from Very bad to Good, 5 people, views differ a lot',
  'Waiting room: middle feeling Okay, from Bad to Okay, 4 people',
  'Being called in: everyone said Good, 5 people',
  'Being told the diagnosis in a small room with people I had never met: middle feeling Bad, from Very bad to Very good, 5 people, views differ a lot',
  'Questions answered: Very good, 1 person',
  'Blood test: middle feeling Between Bad and Okay, from Bad to Okay, 4 people',
  'Discharge letter: middle feeling Good, from Okay to Very good, 5 people',
  'Medicines explained: middle feeling Very good, from Good to Very good, 5 people',
  'Transport home: middle feeling Bad, from Very bad to Okay, 5 people',
  'Follow-up phone call: no one has said yet',
];
const titles = journey.flatMap((stage) => stage.touchpoints.map((tp) => tp.title));

/** A board built and felt about by five people's Node clients; returns its id and owner. */
async function feltJourney(name: string) {
  const { server } = fixture;
  const owner = await signUp(server, 'Ann');
  const boardId = await createBoard(server, owner, name);
  const builder = fixture.nodeClient(boardId, owner);
  await builder.synced;
  const { stages, touchpoints } = boardTypes(builder.doc);
  builder.doc.transact(() => {
    journey.forEach((stage, s) => {
      stages.push([newStage(`stage-no-${s}`, stage.stage)]);
      stage.touchpoints.forEach((tp, t) => {
        const id = `stage-no-${s}-card-${t}`;
        touchpoints.set(id, newTouchpoint({ id, stageId: `stage-no-${s}`, order: `a${t}`, title: tp.title, createdBy: owner.id, createdAt: 1 }));
      });
    });
  });
  // The cards are on the server before anyone says how they felt (a feeling on a card it has not got is refused, 404).
  await roundTrip(builder);
  // Each person gives their own feelings, as the page does: over HTTP, the server writing them under keys that name nobody.
  const people = await Promise.all(['Bea', 'Cal', 'Dee', 'Eli', 'Fay'].map((n) => signUp(server, n)));
  for (const person of people) await addMember(server.libsqlUrl, boardId, person.id, 'edit');
  await Promise.all(
    people.map(async (person, p) => {
      for (const [s, stage] of journey.entries()) {
        for (const [t, tp] of stage.touchpoints.entries()) {
          const score = tp.scores[p];
          if (score !== null && score !== undefined) await giveFeeling(server, boardId, person, `stage-no-${s}-card-${t}`, { score });
        }
      }
    }),
  );
  return { owner, boardId };
}

async function openAt(boardId: string, owner: Awaited<ReturnType<typeof feltJourney>>['owner'], size: { width: number; height: number }) {
  const context = await contextFor(fixture.browser, fixture.server, owner);
  const page = await openBoard(context, boardId);
  await page.setViewportSize(size);
  // Wait until every feeling arrived: the table's last felt row says 5 people.
  const table = page.getByRole('table', { name: 'How each moment felt' });
  await table.getByRole('row', { name: /Transport home/ }).filter({ hasText: '5' }).waitFor();
  return page;
}

/** The picture's box: the element named "Emotion curve picture", or the box around it when that is the SVG itself. */
function chartBox(page: Page): Locator {
  return page.getByRole('group', { name: 'Emotion curve picture' });
}

/** Screenshots of the curve, its picture, the table's start and the window, when CURVE_SCREENSHOTS names a folder. */
async function shoot(page: Page, name: string, focus?: string): Promise<void> {
  const dir = process.env['CURVE_SCREENSHOTS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.getByRole('region', { name: 'Emotion curve' }).screenshot({ path: join(dir, `${name}.png`) });
  await chartBox(page).screenshot({ path: join(dir, `${name}-chart.png`) });
  const table = await page.getByRole('table', { name: 'How each moment felt' }).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: Math.min(r.height, 900) };
  });
  await page.screenshot({ path: join(dir, `${name}-table.png`), fullPage: true, clip: table });
  if (focus) await page.getByRole('img', { name: focus, exact: true }).focus();
  await page.screenshot({ path: join(dir, `${name}-viewport.png`) });
}

/** Label text in the picture, tspans joined by spaces, with its box; for every <text> in the chart. */
function chartTexts(box: Locator) {
  return box.evaluate((el) =>
    [...el.querySelectorAll('svg text')].map((text) => {
      const lines = text.querySelectorAll('tspan');
      const words = lines.length > 0 ? [...lines].map((t) => t.textContent ?? '').join(' ') : (text.textContent ?? '');
      const r = text.getBoundingClientRect();
      const style = getComputedStyle(text);
      return {
        text: words.replace(/\s+/g, ' ').trim(),
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        visible: r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0',
      };
    }),
  );
}

/** A label names a title when it is the title, or the title's start cut with "…". */
const names = (label: string, title: string): boolean =>
  label === title || (label.endsWith('…') && label.length > 4 && title.startsWith(label.slice(0, -1).replace(/[\s-]+$/, '').trim()));

/**
 * Scrolls so the pinned bar at the top sits over the chart at a few depths and checks, at points
 * every 12 px where they overlap, that the bar is what is on top. Returns the places where
 * something of the chart showed through; throws when nothing is pinned at the top or nothing overlaps.
 */
async function chartUnderPinnedBar(page: Page, extraSelector?: string): Promise<string[]> {
  return page.evaluate((extra) => {
    const status = document.querySelector('[role="status"]');
    let bar: Element | null = status;
    while (bar && !['sticky', 'fixed'].includes(getComputedStyle(bar).position)) bar = bar.parentElement;
    if (!bar) return ['nothing is pinned at the top of the board, so nothing to check'];
    const section = document.querySelector('section.curve') ?? document.querySelector('[aria-labelledby] h2')?.closest('section');
    if (!section) return ['no curve section'];
    const problems: string[] = [];
    let overlapped = 0;
    for (const depth of [0.1, 0.3, 0.5, 0.7]) {
      const sectionTop = section.getBoundingClientRect().top + window.scrollY;
      const barHeight = bar.getBoundingClientRect().height;
      // Put the bar's bottom edge `depth` of the way down the section.
      window.scrollTo(0, sectionTop + depth * section.getBoundingClientRect().height - barHeight);
      const h = bar.getBoundingClientRect();
      const boxes = [section.getBoundingClientRect()];
      if (extra) for (const el of document.querySelectorAll(extra)) boxes.push(el.getBoundingClientRect());
      for (const b of boxes) {
        const left = Math.max(h.left, b.left), right = Math.min(h.right, b.right);
        const top = Math.max(h.top, b.top), bottom = Math.min(h.bottom, b.bottom);
        for (let x = left + 2; x < right - 1; x += 12)
          for (let y = top + 2; y < bottom - 1; y += 12) {
            overlapped++;
            const hit = document.elementFromPoint(x, y);
            if (hit && !bar.contains(hit)) problems.push(`${Math.round(x)},${Math.round(y)} at depth ${depth}: ${hit.tagName}.${String(hit.getAttribute('class'))}`);
          }
      }
    }
    if (overlapped === 0) problems.push('the pinned bar never overlapped the chart');
    return problems;
  }, extraSelector);
}

/**
 * Boxes in the curve that are positioned or make a stacking context: such a box paints in the
 * page's positioned layer and can come out on top of a pinned bar. The curve has none, so it
 * stays under the bar whatever the bar's own z-index.
 */
function layeredBoxes(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Emotion curve' }).evaluate((section) =>
    [section, ...section.querySelectorAll('*')].flatMap((el) => {
      if (el.closest('defs')) return []; // patterns and the like are never painted as boxes
      const s = getComputedStyle(el);
      const layered =
        s.position !== 'static' || s.zIndex !== 'auto' || s.transform !== 'none' || parseFloat(s.opacity) < 1 ||
        s.filter !== 'none' || s.isolation === 'isolate' || s.clipPath !== 'none' || s.willChange !== 'auto' ||
        s.mixBlendMode !== 'normal' || /layout|paint|strict|content/.test(s.contain) || s.containerType !== 'normal';
      return layered ? [`${el.tagName}.${String(el.getAttribute('class'))}`] : [];
    }),
  );
}

describe('the emotion curve', () => {
  it('fills its box at 1366×768 and names every touchpoint with a visible label', async () => {
    const { owner, boardId } = await feltJourney('Laptop curve');
    const page = await openAt(boardId, owner, laptop);
    const box = chartBox(page);
    await box.scrollIntoViewIfNeeded();
    const widths = await box.evaluate((el) => {
      const frame = el instanceof SVGSVGElement ? el.parentElement! : el;
      const svg = frame.querySelector('svg')!;
      return { box: frame.clientWidth, chart: svg.getBoundingClientRect().width };
    });
    expect(widths.chart).toBeGreaterThanOrEqual(0.9 * widths.box);

    const texts = await chartTexts(box);
    const frame = await box.boundingBox();
    const labels = titles.map((title) => texts.find((t) => names(t.text, title)));
    expect(labels.map((l, i) => (l ? titles[i] : `no label for "${titles[i]}"`))).toEqual(titles);
    for (const label of labels) {
      expect(label!.visible).toBe(true);
      // Inside the picture's box, and not over the next touchpoint's label.
      expect(label!.box.left).toBeGreaterThanOrEqual(frame!.x - 1);
      expect(label!.box.right).toBeLessThanOrEqual(frame!.x + frame!.width + 1);
    }
    for (let i = 1; i < labels.length; i++) {
      const [a, b] = [labels[i - 1]!.box, labels[i]!.box];
      const apart = a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
      expect(apart, `labels ${i - 1} and ${i} overlap`).toBe(true);
    }
    await shoot(page, 'curve-1366');
    await page.context().close();
  });

  it('lets a keyboard reach each point in turn, saying its title, middle feeling, spread and count', async () => {
    const { owner, boardId } = await feltJourney('Keyboard curve');
    for (const size of [laptop, phone]) {
      const page = await openAt(boardId, owner, size);
      // Start at the curve's heading, just before the picture.
      await page.getByRole('heading', { name: 'Emotion curve' }).evaluate((heading: HTMLElement) => {
        heading.tabIndex = -1;
        heading.focus();
      });
      for (const name of spokenNames) {
        await page.keyboard.press('Tab');
        const point = page.getByRole('img', { name, exact: true });
        expect(await point.count(), `one point named "${name}"`).toBe(1);
        expect(await point.evaluate((el) => el === document.activeElement), `Tab reaches "${name}"`).toBe(true);
        // A visible focus ring, and the full title shown beside the point for sighted keyboard users.
        const ring = await point.evaluate((el) => {
          const marks = [el, ...el.querySelectorAll('*')].map((e) => getComputedStyle(e));
          return marks.some((s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.stroke !== 'none' && parseFloat(s.strokeWidth) >= 3 && s.visibility === 'visible' && s.display !== 'none' && (s.strokeOpacity === '' || parseFloat(s.strokeOpacity) > 0)));
        });
        expect(ring, `a focus ring on "${name}"`).toBe(true);
        const title = name.slice(0, name.indexOf(':'));
        await chartBox(page).getByText(title, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 5000 });
      }
      await shoot(page, `curve-${size.width}-focus`, spokenNames[5]);
      await page.context().close();
    }
  });

  it('never scrolls sideways on a 390×844 phone: not the picture, the table or the page', async () => {
    const { owner, boardId } = await feltJourney('Phone curve');
    const page = await openAt(boardId, owner, phone);
    await chartBox(page).scrollIntoViewIfNeeded();
    const sizes = await page.evaluate(() => {
      const group = document.querySelector('[aria-label="Emotion curve picture"]')!;
      const frame = group instanceof SVGSVGElement ? group.parentElement! : group;
      const table = [...document.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === 'How each moment felt')!;
      const measure = (el: Element) => ({ scroll: el.scrollWidth, client: el.clientWidth });
      return {
        chart: measure(frame),
        tableBox: measure(table.parentElement!),
        table: { scroll: table.scrollWidth, client: table.parentElement!.clientWidth },
        page: measure(document.documentElement),
        chartRight: frame.querySelector('svg')!.getBoundingClientRect().right,
        viewport: document.documentElement.clientWidth,
      };
    });
    expect(sizes.chart.scroll).toBeLessThanOrEqual(sizes.chart.client);
    expect(sizes.tableBox.scroll).toBeLessThanOrEqual(sizes.tableBox.client);
    expect(sizes.table.scroll).toBeLessThanOrEqual(sizes.table.client);
    expect(sizes.page.scroll).toBeLessThanOrEqual(sizes.page.client);
    expect(sizes.chartRight).toBeLessThanOrEqual(sizes.viewport);

    // Every touchpoint still has its visible label in the phone layout.
    const texts = await chartTexts(chartBox(page));
    for (const title of titles) expect(texts.some((t) => t.visible && names(t.text, title)), `label for "${title}"`).toBe(true);

    // The stacked table keeps its table semantics for screen readers (Chromium's own tree).
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    const roles = (role: string) => nodes.filter((n) => n.role?.value === role).map((n) => n.name?.value ?? '');
    expect(roles('table')).toContain('How each moment felt');
    expect(roles('columnheader')).toEqual(expect.arrayContaining(['Stage', 'Touchpoint', 'People', 'Middle feeling', 'Range', 'Views differ a lot?']));
    expect(roles('rowheader')).toEqual(expect.arrayContaining(titles));
    await shoot(page, 'curve-390');
    await page.context().close();
  });

  it('stays under the pinned bar at the top when the page scrolls, tooltip and all', async () => {
    const { owner, boardId } = await feltJourney('Pinned bar curve');
    for (const size of [laptop, phone]) {
      const page = await openAt(boardId, owner, size);
      expect(await chartUnderPinnedBar(page)).toEqual([]);
      // With a point focused its tooltip shows; it too stays under the bar.
      await page.getByRole('img', { name: spokenNames[5], exact: true }).focus();
      await chartBox(page).getByText('Views differ a lot').filter({ visible: true }).first().waitFor();
      expect(await chartUnderPinnedBar(page, '.curve__tip')).toEqual([]);
      expect(await layeredBoxes(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('has no WCAG 2.2 A/AA violations at either size, with a point focused', async () => {
    const { owner, boardId } = await feltJourney('Accessible curve');
    for (const size of [laptop, phone]) {
      const page = await openAt(boardId, owner, size);
      // The third point, found by place rather than by name, so a point without a name is checked too.
      await chartBox(page).locator('[tabindex="0"]').nth(2).focus();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });
});
