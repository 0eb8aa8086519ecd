/**
 * Room names for the peers, where a room is just a name: readable from the label, and unique
 * across restarts on the same dataDir, so a fresh room never opens a stored document.
 */
import { randomUUID } from 'node:crypto';

export function roomName(label: string): string {
  return `${label.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}`;
}
