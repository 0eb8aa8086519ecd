/**
 * A priority area's co-design group in words, by first name only (issue 16): "Sam, Ana and you".
 * Names come from the board's members (member-names.ts); someone not known is "someone".
 */

/** "Sam, Ana and you"; "No one is in this group yet." */
export function groupWords(group: readonly string[], who: (userId: string) => string | null): string {
  if (group.length === 0) return 'No one is in this group yet.';
  const names = group.map((userId) => who(userId) ?? 'someone');
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
