/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) in a real page and returns its violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol rather than a <script> tag, which the app's CSP
  // (script-src 'self') rightly blocks.
  // Cards out of view skip layout (content-visibility: auto) and stand at a guessed height until a
  // person scrolls to them, so what axe measures there (sizes, gaps) is not what a person meets.
  // Scroll through the page once, as a person reading it would, then back.
  await page.evaluate(async () => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const start = scrollY;
    for (let top = 0; top < document.documentElement.scrollHeight; top += Math.max(200, innerHeight / 2)) {
      scrollTo(0, top);
      await frames();
    }
    scrollTo(0, start);
    await frames();
  });
  await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}
