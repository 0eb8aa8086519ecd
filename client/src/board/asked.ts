/**
 * A createResource answer as a view shows it, read through `state` and `latest` — never by calling
 * the resource, so asking never suspends the whole board page (the app's <Suspense>): the answer,
 * the API's refusal in its own plain words with a way to ask again, and anything else thrown to the
 * view's error boundary. Used by the history and perspectives views.
 */
import type { Accessor, Resource } from 'solid-js';
import { ApiError } from '../api.ts';

export interface Asked<T> {
  /** The answer; null until there is one. */
  value: Accessor<T | null>;
  /** The server's words when it could not answer. */
  error: Accessor<string | null>;
  /** Asks again. */
  retry(): void;
}

export function asked<T>(resource: Resource<T>, refetch: () => unknown): Asked<T> {
  return {
    value: () => (resource.state === 'ready' || resource.state === 'refreshing' ? (resource.latest ?? null) : null),
    error: () => {
      if (resource.state !== 'errored') return null;
      const error: unknown = resource.error;
      // Anything but the API's refusal is a fault of the page: the view's error boundary shows it.
      if (!(error instanceof ApiError)) throw error;
      return error.message;
    },
    retry: () => void refetch(),
  };
}
