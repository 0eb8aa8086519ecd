/**
 * "Read this to me" (issue 17): reads words aloud with the browser's own speech synthesis, only
 * when the person asks. Where a browser has none, `canSpeak()` is false and the button is not
 * shown. One reading at a time; starting another, or leaving, stops the last.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

/** Whether this browser can read aloud. */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

export interface Reader {
  /** True from "Read this to me" until the reading ends or is stopped. */
  speaking: Accessor<boolean>;
  read(text: string): void;
  stop(): void;
}

/** A reader for one part of the page. Call inside a component: leaving stops its reading. */
export function createReader(): Reader {
  const [speaking, setSpeaking] = createSignal(false);
  let current: SpeechSynthesisUtterance | null = null;
  const stop = () => {
    if (current === null) return;
    current = null;
    setSpeaking(false);
    window.speechSynthesis.cancel();
  };
  const read = (text: string) => {
    if (!canSpeak()) return;
    stop();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || 'en-GB';
    const done = () => {
      if (current !== utterance) return;
      current = null;
      setSpeaking(false);
    };
    utterance.addEventListener('end', done);
    utterance.addEventListener('error', done);
    current = utterance;
    setSpeaking(true);
    window.speechSynthesis.speak(utterance);
  };
  onCleanup(stop);
  return { speaking, read, stop };
}
