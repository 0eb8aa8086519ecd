/**
 * "Stay where I am" (issue 15), kept for the rest of this session: per board in sessionStorage,
 * so it holds while the tab is open (a reload too) and ends with it. A browser that keeps nothing
 * still holds it while the page is open.
 */
const key = (boardId: string) => `common-ground.gather-stay.${boardId}`;

export function readStayChoice(boardId: string): boolean {
  try {
    return sessionStorage.getItem(key(boardId)) === 'stay';
  } catch {
    return false;
  }
}

export function keepStayChoice(boardId: string): void {
  try {
    sessionStorage.setItem(key(boardId), 'stay');
  } catch {
    // Not kept; the page still holds it while it is open.
  }
}
