/**
 * Giving a feeling as a person does since issue 17: over HTTP, the server writing it under a key
 * that names nobody (server/sync/feeling-actions.ts). For tests that need feelings on a board;
 * fails the test when the server does not take it.
 */
import type { FeelingMapName, MyFeelingKey, MyFeelings } from '../../shared/api.ts';
import { api, type AppAddress } from './test-server.ts';

export interface FeelingGiven {
  score: number;
  words?: string[];
}

/** `person` gives (or, with null, clears) their feeling at `touchpointId`; resolves to its key in the document. */
export async function giveFeeling(
  app: AppAddress,
  boardId: string,
  person: { cookie: string },
  touchpointId: string,
  feeling: FeelingGiven | null,
  map: FeelingMapName = 'feelings',
): Promise<string | null> {
  const body = { map, feeling: feeling === null ? null : { score: feeling.score, words: feeling.words ?? [] } };
  const response = await api(app, `/api/boards/${boardId}/feelings/${touchpointId}`, { method: 'PUT', body, cookie: person.cookie });
  if (response.status !== 200) throw new Error(`feeling not taken: ${response.status} ${await response.text()}`);
  return ((await response.json()) as MyFeelingKey).key;
}

/** Where `person`'s own feelings are in the document. */
export async function myFeelings(app: AppAddress, boardId: string, person: { cookie: string }): Promise<MyFeelings> {
  const response = await api(app, `/api/boards/${boardId}/feelings/mine`, { cookie: person.cookie });
  if (response.status !== 200) throw new Error(`own feelings not told: ${response.status} ${await response.text()}`);
  return (await response.json()) as MyFeelings;
}
