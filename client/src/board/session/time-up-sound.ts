/**
 * "Play a sound when time is up" (issue 15): off unless the person turns it on, remembered on this
 * device (localStorage; a browser that keeps nothing just forgets it), and then a short, gentle
 * two-note chime made with Web Audio when the timer reaches 0 — no sound file, nothing loud.
 * Browsers only let a page make sound after the person has done something on it, so the audio is
 * started by ticking the box, or by the first key or tap on a page opened with it already on.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

const storageKey = 'common-ground.timer-sound';

function remembered(): boolean {
  try {
    return localStorage.getItem(storageKey) === 'on';
  } catch {
    return false;
  }
}

function remember(on: boolean): void {
  try {
    if (on) localStorage.setItem(storageKey, 'on');
    else localStorage.removeItem(storageKey);
  } catch {
    // Not kept on this device; it still holds while the page is open.
  }
}

export interface TimeUpSound {
  on: Accessor<boolean>;
  set(on: boolean): void;
  /** Plays the chime, if it is on. */
  play(): void;
}

/** This device's choice and its chime. Call inside a component. */
export function createTimeUpSound(): TimeUpSound {
  const [on, setOn] = createSignal(remembered());
  let audio: AudioContext | undefined;
  const wake = () => {
    if (typeof AudioContext === 'undefined') return;
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => {});
  };
  // Opened with the sound already on: the first key or tap lets it play.
  const onFirstTouch = () => {
    if (on()) wake();
  };
  document.addEventListener('pointerdown', onFirstTouch, { capture: true, once: true });
  document.addEventListener('keydown', onFirstTouch, { capture: true, once: true });
  onCleanup(() => {
    document.removeEventListener('pointerdown', onFirstTouch, { capture: true });
    document.removeEventListener('keydown', onFirstTouch, { capture: true });
    void audio?.close().catch(() => {});
  });
  return {
    on,
    set(next) {
      setOn(next);
      remember(next);
      if (next) wake();
    },
    play() {
      if (!on()) return;
      wake();
      if (audio !== undefined) chime(audio);
    },
  };
}

/** Two soft sine notes, each rising gently and fading over most of a second. */
function chime(audio: AudioContext): void {
  const start = audio.currentTime + 0.05;
  for (const [at, frequency] of [
    [0, 660],
    [0.35, 880],
  ] as const) {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start + at);
    volume.gain.exponentialRampToValueAtTime(0.12, start + at + 0.04);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.8);
    tone.connect(volume).connect(audio.destination);
    tone.start(start + at);
    tone.stop(start + at + 0.85);
  }
}
