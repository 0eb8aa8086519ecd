/** Browser tests run against the built client, as `npm start` serves it. */
import { buildClientIfStale } from '../../scripts/build-client.ts';

export default async function setup(): Promise<void> {
  await buildClientIfStale();
}
