/**
 * The live session's timer in words (client/src/board/session/timer-words.ts, issue 15): the line
 * everyone sees, and what screen readers hear — each change of the timer once, "1 minute left"
 * and "Time is up" once each as the seconds run out (again only if a minute added crosses the
 * mark again), nothing at all for the seconds in between, a paused timer or the board opening.
 */
import { describe, expect, it } from 'vitest';
import type { Timer } from '../../shared/session.ts';
import { clockWords, spokenTime, timerLine, timerNews, type TimerReading } from '../../client/src/board/session/timer-words.ts';

const minute = 60_000;
const running = (endsAt: number, durationMs = 5 * minute): Timer => ({ status: 'running', endsAt, durationMs, setBy: 'fay' });
const paused = (remainingMs: number, durationMs = 5 * minute): Timer => ({ status: 'paused', remainingMs, durationMs, setBy: 'fay' });

/** Everything heard reading `timer` every `step` ms from `from` to `to` (server time). */
function heardOver(timer: Timer, from: number, to: number, step = 1_000): string[] {
  const heard: string[] = [];
  let before: TimerReading | undefined;
  for (let now = from; now <= to; now += step) {
    const after = { timer, left: timer.status === 'running' ? Math.max(0, timer.endsAt - now) : timer.remainingMs };
    const news = timerNews(before, after);
    if (news !== null) heard.push(news);
    before = after;
  }
  return heard;
}

describe('the timer in words', () => {
  it('shows minutes and seconds as a clock does, a started second counting whole', () => {
    expect(clockWords(5 * minute)).toBe('5:00');
    expect(clockWords(272_000)).toBe('4:32');
    expect(clockWords(271_001)).toBe('4:32');
    expect(clockWords(9_000)).toBe('0:09');
    expect(clockWords(1)).toBe('0:01');
    expect(clockWords(0)).toBe('0:00');
    expect(clockWords(-500)).toBe('0:00');
    expect(clockWords(120 * minute)).toBe('120:00');
  });

  it('says times as they are spoken', () => {
    expect(spokenTime(5 * minute)).toBe('5 minutes');
    expect(spokenTime(minute)).toBe('1 minute');
    expect(spokenTime(61_000)).toBe('1 minute 1 second');
    expect(spokenTime(190_000)).toBe('3 minutes 10 seconds');
    expect(spokenTime(9_000)).toBe('9 seconds');
  });

  it('reads calmly: time left, paused at, time is up', () => {
    expect(timerLine(running(0), 272_000)).toBe('Time left: 4:32');
    expect(timerLine(paused(190_000), 190_000)).toBe('Paused at 3:10');
    expect(timerLine(running(0), 0)).toBe('Time is up');
  });

  it('says "1 minute left" and "Time is up" once each over a whole countdown, and nothing else', () => {
    const endsAt = 5 * minute;
    expect(heardOver(running(endsAt), 0, endsAt + 10_000)).toEqual(['1 minute left', 'Time is up']);
    // However often the line is redrawn.
    expect(heardOver(running(endsAt), 0, endsAt + 10_000, 97)).toEqual(['1 minute left', 'Time is up']);
    // A page behind in the background, redrawn seldom, still says each once (or only the end).
    expect(heardOver(running(endsAt), 0, endsAt + 45_000, 45_000)).toEqual(['1 minute left', 'Time is up']);
    expect(heardOver(running(endsAt), 0, endsAt, 150_000)).toEqual(['Time is up']);
  });

  it('says nothing when the board opens, nor for a paused timer', () => {
    expect(timerNews(undefined, { timer: running(10_000), left: 10_000 })).toBeNull();
    expect(timerNews(undefined, { timer: running(0), left: 0 })).toBeNull();
    expect(heardOver(paused(45_000), 0, 120_000)).toEqual([]);
    expect(heardOver(running(30_000), 0, 20_000)).toEqual([]);
  });

  it('says each change of the timer once', () => {
    const at = (timer: Timer | null, left: number): TimerReading => ({ timer, left });
    expect(timerNews(at(null, 0), at(running(5 * minute), 5 * minute))).toBe('A timer has started: 5 minutes.');
    expect(timerNews(at(running(200_000), 190_000), at(paused(190_000), 190_000))).toBe('The timer is paused with 3 minutes 10 seconds left.');
    expect(timerNews(at(paused(190_000), 190_000), at(running(400_000), 190_000))).toBe('The timer carries on: 3 minutes 10 seconds left.');
    expect(timerNews(at(running(100_000), 40_000), at(running(160_000, 6 * minute), 100_000))).toBe('A minute was added: 1 minute 40 seconds left.');
    expect(timerNews(at(running(100_000), 40_000), at(null, 0))).toBe('The timer has stopped.');
    expect(timerNews(at(running(100_000), 40_000), at(running(700_000, 10 * minute), 600_000))).toBe('A timer has started: 10 minutes.');
    expect(timerNews(at(null, 0), at(null, 0))).toBeNull();
  });

  it('says "1 minute left" again when a minute added takes it back over the mark', () => {
    const heard: string[] = [];
    let before: TimerReading | undefined;
    const read = (timer: Timer, now: number) => {
      const after = { timer, left: Math.max(0, (timer as { endsAt: number }).endsAt - now) };
      const news = timerNews(before, after);
      if (news !== null) heard.push(news);
      before = after;
    };
    const first = running(90_000, 2 * minute);
    for (let now = 0; now <= 50_000; now += 1_000) read(first, now);
    const more = running(150_000, 3 * minute);
    for (let now = 50_000; now <= 150_000; now += 1_000) read(more, now);
    expect(heard).toEqual(['1 minute left', 'A minute was added: 1 minute 40 seconds left.', '1 minute left', 'Time is up']);
  });
});
