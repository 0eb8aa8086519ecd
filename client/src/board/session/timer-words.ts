/**
 * The live session's timer in words (issue 15): the calm line everyone sees ("Time left: 4:32",
 * "Paused at 3:10", "Time is up") and what screen readers hear, which is only news — the timer
 * started, paused, carried on, got a minute more or stopped, "1 minute left" and "Time is up",
 * each once as it happens — never the seconds going by.
 */
import type { Timer } from '../../../../shared/session.ts';

const second = 1_000;
const minute = 60 * second;

/** Whole seconds still to go, counting a started second as whole (so 0 only when time is up). */
const secondsOf = (ms: number) => Math.ceil(Math.max(0, ms) / second);

/** "4:32", "12:05", "0:09": minutes and seconds as a clock shows them. */
export function clockWords(ms: number): string {
  const seconds = secondsOf(ms);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "4 minutes 32 seconds", "1 minute", "9 seconds": a time as it is said. */
export function spokenTime(ms: number): string {
  const seconds = secondsOf(ms);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return count(rest, 'second');
  return rest === 0 ? count(minutes, 'minute') : `${count(minutes, 'minute')} ${count(rest, 'second')}`;
}

/** The line everyone sees while there is a timer, `left` ms to go. */
export function timerLine(timer: Timer, left: number): string {
  if (timer.status === 'paused') return `Paused at ${clockWords(left)}`;
  return left <= 0 ? 'Time is up' : `Time left: ${clockWords(left)}`;
}

/** The timer and what was left of it at one moment. */
export interface TimerReading {
  timer: Timer | null;
  left: number;
}

const same = (a: Timer, b: Timer) =>
  a.status === b.status && a.durationMs === b.durationMs && (a.status === 'running' ? a.endsAt === (b as typeof a).endsAt : a.remainingMs === (b as typeof a).remainingMs);

/**
 * What a screen reader should hear going from `before` to `after`, or null for nothing. The first
 * reading (`before` undefined, the board just opened) is never news: the line says it.
 */
export function timerNews(before: TimerReading | undefined, after: TimerReading): string | null {
  if (before === undefined) return null;
  const was = before.timer;
  const is = after.timer;
  if (is === null) return was === null ? null : 'The timer has stopped.';
  if (was === null) return `A timer has started: ${spokenTime(is.durationMs)}.`;
  if (!same(was, is)) {
    if (is.durationMs === was.durationMs + minute) return `A minute was added: ${spokenTime(after.left)} left.`;
    if (was.status === 'running' && is.status === 'paused') return `The timer is paused with ${spokenTime(after.left)} left.`;
    if (was.status === 'paused' && is.status === 'running') return `The timer carries on: ${spokenTime(after.left)} left.`;
    return `A timer has started: ${spokenTime(is.durationMs)}.`;
  }
  if (is.status === 'paused') return null;
  if (before.left > 0 && after.left <= 0) return 'Time is up';
  if (before.left > minute && after.left <= minute) return '1 minute left';
  return null;
}
