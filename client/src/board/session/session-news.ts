/**
 * Tells screen readers the live session's news through the board's polite announcer (issue 15):
 * the timer's changes, "1 minute left" and "Time is up" once each as they happen (timer-words.ts),
 * and the pause starting and ending; never the seconds going by. The chime plays at "Time is up"
 * when the person turned it on (time-up-sound.ts). A changed timer or pause is told only while
 * the board is live: what the sync brings on opening or reconnecting (a timer already running, a
 * pause already on) is shown, not told as if it had just happened.
 */
import { createEffect, createMemo, on } from 'solid-js';
import type { Announcer } from '../announcer.ts';
import type { LiveSession } from './live-session.ts';
import { pauseBannerWords, pauseEndedWords } from './pause-words.ts';
import { timerNews, type TimerReading } from './timer-words.ts';
import type { TimeUpSound } from './time-up-sound.ts';

/** Call inside a component, once per board. */
export function announceSession(
  session: LiveSession,
  announcer: Announcer,
  sound: TimeUpSound,
  access: { facilitates: () => boolean; mayComment: () => boolean },
  live: () => boolean,
): void {
  const reading = createMemo<TimerReading>(() => ({ timer: session.timer(), left: session.left() ?? 0 }));
  createEffect(
    on(reading, (after, before) => {
      const news = timerNews(before, after);
      // The seconds running out are news offline too; a changed timer only when live.
      const changed = JSON.stringify(before?.timer) !== JSON.stringify(after.timer);
      if (news === null || (changed && !live())) return;
      announcer.say(news);
      if (news === 'Time is up') sound.play();
    }),
  );
  createEffect(
    on(
      () => session.paused() !== null,
      (paused) => live() && announcer.say(paused ? pauseBannerWords(access.facilitates(), access.mayComment()) : pauseEndedWords(access.facilitates())),
      { defer: true },
    ),
  );
}
