/**
 * The emotion curve's layout and words (client/src/board/curve): label wrapping, which way the
 * chart runs for its width, that every touchpoint gets a label inside its own room, the spoken
 * name of each point, and the tooltip staying inside the picture. Text widths come from a simple
 * rule here (9 px a character, 10 in bold), as the browser's font metrics would.
 */
import { describe, expect, it } from 'vitest';
import { feelingStats } from '../../shared/feeling-stats.ts';
import type { CurveRow, CurveStageSpan } from '../../client/src/board/curve/curve-data.ts';
import { chartLayout, chartText, minStep, orientationFor, tipLayout, type ChartLayout } from '../../client/src/board/curve/curve-layout.ts';
import { curveSummary, pointDetails, pointName } from '../../shared/curve-words.ts';
import { wrapLabel } from '../../client/src/board/curve/label-wrap.ts';

const measure = (text: string, bold = false) => [...text].length * (bold ? 10 : 9);
const f = (score: number) => ({ score, words: [], at: 1 });

const titles = [
  'The letter with the date', 'Finding the car park', 'At the desk', 'Waiting room',
  'Being called in', 'Being told the diagnosis in a small room with people I had never met', 'Questions answered', 'Blood test',
  'Discharge letter', 'Medicines explained', 'Transport home', 'Follow-up phone call',
];
const scores = [[1, 1, 2], [-2, -1], [-2, -1, 1], [0], [1, 1], [-2, 2, -1], [2], [0, -1], [1], [2, 1], [-1], []];
const rows: CurveRow[] = titles.map((_, i) => ({
  stageId: `s${Math.floor(i / 4)}`,
  stageTitle: ['Getting there', 'Being seen in clinic', 'Going home'][Math.floor(i / 4)]!,
  touchpointId: `t${i}`,
  position: i,
  stats: feelingStats(scores[i]!.map(f)),
}));
const spans: CurveStageSpan[] = [0, 1, 2].map((s) => ({ stageId: `s${s}`, stageTitle: rows[s * 4]!.stageTitle, start: s * 4, count: 4 }));
const layoutAt = (width: number, rowsIn = rows, spansIn = spans) =>
  chartLayout({ rows: rowsIn, titles: rowsIn.map((r) => titles[r.position]!), spans: spansIn, width, measure });

/** Each line's box, from its anchor and measured width. */
function lineBoxes(chart: ChartLayout, index: number) {
  const label = chart.points[index]!.label;
  return label.lines.map((line, j) => {
    const w = measure(line);
    const left = label.anchor === 'middle' ? label.x - w / 2 : label.anchor === 'end' ? label.x - w : label.x;
    const y = label.y + j * chartText.lineHeight;
    return { left, right: left + w, top: y - chartText.lineHeight / 2, bottom: y + chartText.lineHeight / 2 };
  });
}

describe('label wrapping', () => {
  const m = (text: string) => text.length * 10;

  it('breaks between whole words, never inside one', () => {
    expect(wrapLabel('Being told the diagnosis', 100, 4, m)).toEqual({ lines: ['Being told', 'the', 'diagnosis'], cut: false });
    expect(wrapLabel('  At   the desk ', 200, 2, m)).toEqual({ lines: ['At the desk'], cut: false });
    expect(wrapLabel('', 100, 2, m)).toEqual({ lines: [], cut: false });
  });

  it('ends the last line with "…" when the rest does not fit', () => {
    const wrapped = wrapLabel('Being told the diagnosis in a small room', 100, 2, m);
    expect(wrapped).toEqual({ lines: ['Being told', 'the…'], cut: true });
    for (const line of wrapped.lines) expect(m(line)).toBeLessThanOrEqual(100);
  });

  it('shortens a word wider than a whole line, and stops there', () => {
    expect(wrapLabel('Physiotherapy appointment', 60, 3, m)).toEqual({ lines: ['Physi…'], cut: true });
  });
});

describe('which way the chart runs', () => {
  it('runs across when every touchpoint gets room for its title, and down otherwise', () => {
    expect(orientationFor(1300, 12)).toBe('across');
    expect(orientationFor(354, 12)).toBe('down');
    expect(orientationFor(354, 2)).toBe('across');
    expect(orientationFor(96 + 12 + minStep * 20, 20)).toBe('across');
    expect(orientationFor(96 + 12 + minStep * 20 - 1, 20)).toBe('down');
  });
});

describe('the chart at 1300 px (a 1366 px laptop)', () => {
  const chart = layoutAt(1300);

  it('uses the whole width', () => {
    expect(chart.orientation).toBe('across');
    expect(chart.width).toBe(1300);
    expect(chart.paths.width).toBe(1300);
    expect(chart.plot.x + chart.plot.width).toBeGreaterThan(1300 * 0.97);
  });

  it('labels every touchpoint inside its own column, wrapped or shortened', () => {
    chart.points.forEach((point, i) => {
      expect(point.label.lines.length).toBeGreaterThan(0);
      const label = point.label.lines.join(' ');
      const title = titles[i]!;
      expect(label === title || (point.label.cut && label.endsWith('…') && title.startsWith(label.slice(0, -1)))).toBe(true);
      for (const box of lineBoxes(chart, i)) {
        expect(box.left).toBeGreaterThanOrEqual(point.hit.x);
        expect(box.right).toBeLessThanOrEqual(point.hit.x + point.hit.width);
        expect(box.bottom).toBeLessThanOrEqual(chart.height);
      }
    });
    expect(chart.points[5]!.label.cut).toBe(true);
  });

  it('gives every touchpoint its own strip to hover and focus, side by side', () => {
    for (let i = 1; i < chart.points.length; i++) {
      const [a, b] = [chart.points[i - 1]!.hit, chart.points[i]!.hit];
      expect(a.x + a.width).toBeLessThanOrEqual(b.x);
      expect(b.width).toBeGreaterThanOrEqual(44);
    }
  });

  it('puts stage names over their touchpoints with a divider between stages', () => {
    expect(chart.stages.map((s) => s.label.lines.join(' '))).toEqual(['Getting there', 'Being seen in clinic', 'Going home']);
    expect(chart.stages.map((s) => s.divider === null)).toEqual([true, false, false]);
  });
});

describe('the chart at 354 px (a 390 px phone)', () => {
  const chart = layoutAt(354);

  it('runs down, one row per touchpoint, nothing wider than the picture', () => {
    expect(chart.orientation).toBe('down');
    expect(chart.width).toBe(354);
    for (let i = 1; i < chart.points.length; i++) {
      const [a, b] = [chart.points[i - 1]!.hit, chart.points[i]!.hit];
      expect(a.y + a.height).toBeLessThanOrEqual(b.y);
      expect(b.height).toBeGreaterThanOrEqual(44);
    }
    chart.points.forEach((point, i) => {
      expect(point.hit.x).toBeGreaterThanOrEqual(0);
      expect(point.hit.x + point.hit.width).toBeLessThanOrEqual(354);
      for (const box of lineBoxes(chart, i)) {
        expect(box.right).toBeLessThanOrEqual(chart.plot.x);
        expect(box.top).toBeGreaterThanOrEqual(point.hit.y - 1);
        expect(box.bottom).toBeLessThanOrEqual(point.hit.y + point.hit.height + 1);
      }
    });
    for (const score of chart.scores) for (const line of score.lines) expect(measure(line)).toBeLessThanOrEqual(chart.plot.width / 5);
    expect(chart.paths.points.match(/Z/g)).toHaveLength(11);
  });

  it('keeps whole stage names, wrapped in the label column', () => {
    expect(chart.stages.map((s) => s.label.lines.join(' '))).toEqual(['Getting there', 'Being seen in clinic', 'Going home']);
    expect(chart.stages.every((s) => !s.label.cut)).toBe(true);
  });

  it('repeats the score words at the bottom of a long journey', () => {
    expect(chart.scores.filter((s) => s.score === 2)).toHaveLength(2);
    expect(layoutAt(354, rows.slice(0, 4), spans.slice(0, 1)).scores.filter((s) => s.score === 2)).toHaveLength(1);
  });
});

describe('what each point says', () => {
  it('names the title, middle feeling, spread and count in plain words', () => {
    expect(pointName('At the desk', feelingStats([-2, -1, -1, 1, -1].map(f)))).toBe(
      'At the desk: middle feeling Bad, from Very bad to Good, 5 people, views differ a lot',
    );
    expect(pointName('Waiting room', feelingStats([0, 0, -1, 0].map(f)))).toBe('Waiting room: middle feeling Okay, from Bad to Okay, 4 people');
    expect(pointName('Blood test', feelingStats([0, -1, 0, -1].map(f)))).toBe(
      'Blood test: middle feeling Between Bad and Okay, from Bad to Okay, 4 people',
    );
    expect(pointName('Being called in', feelingStats([1, 1].map(f)))).toBe('Being called in: everyone said Good, 2 people');
    expect(pointName('Questions answered', feelingStats([f(2)]))).toBe('Questions answered: Very good, 1 person');
    expect(pointName('  ', feelingStats([]))).toBe('Untitled touchpoint: no one has said yet');
  });

  it('gives the tooltip the table\'s words', () => {
    expect(pointDetails(feelingStats([-2, 2].map(f)))).toEqual([
      'Middle feeling: Okay', 'Range: Very bad to Very good', 'People: 2', '◆ Views differ a lot',
    ]);
    expect(pointDetails(feelingStats([]))).toEqual(['No one has said yet']);
  });

  it('sums the picture up for screen readers', () => {
    expect(curveSummary({ rows, spans })).toBe(
      'Emotion curve across 12 moments in 3 stages. 11 of them have feelings. Middle feelings go from Between Very bad and Bad to Very good. ' +
        'Views differ a lot at 2 moments. Each moment follows with its own figures, and the table below has them all.',
    );
  });
});

describe('the tooltip', () => {
  it('stays inside the picture beside or below its point, whichever way the chart runs', () => {
    for (const width of [1300, 700, 354, 300]) {
      const chart = layoutAt(width);
      chart.points.forEach((point, i) => {
        const tip = tipLayout(chart, i, titles[i]!, pointDetails(rows[i]!.stats), measure)!;
        expect(tip.x).toBeGreaterThanOrEqual(0);
        expect(tip.x + tip.width).toBeLessThanOrEqual(width);
        expect(tip.y).toBeGreaterThanOrEqual(0);
        expect(tip.titleLines.join(' ')).toBe(titles[i]);
        if (chart.orientation === 'down') {
          const clear = tip.y >= point.hit.y + point.hit.height || tip.y + tip.height <= point.hit.y;
          expect(clear, `tooltip ${i} at ${width} px leaves its row in view`).toBe(true);
        }
      });
    }
  });
});
