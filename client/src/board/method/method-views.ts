/**
 * Which part of the board a person is looking at (issue 16): the journey map, the priority areas
 * and their funnel, one area's co-design workspace, the review, or the whole board as a text
 * outline, its history or how each group felt (issue 17). Kept in the address's query (`?view=priorities`, `?view=area&area=<id>`,
 * `?view=review`, `?view=outline`, `?view=perspectives`, `?view=history`, `?view=history&version=<id>`; none for the map), so each view can
 * be bookmarked, shared, and reached with the browser's Back button, and the server serves the
 * same page for all of them.
 */
export type MethodView = { kind: 'map' } | { kind: 'priorities' } | { kind: 'area'; id: string } | { kind: 'review' } | { kind: 'outline' } | { kind: 'perspectives' } | { kind: 'history'; version: string | null };

/** The view a query asks for; the map for anything else. */
export function readMethodView(query: { view?: string | string[]; area?: string | string[]; version?: string | string[] }): MethodView {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const view = one(query.view);
  const area = one(query.area);
  if (view === 'priorities') return { kind: 'priorities' };
  if (view === 'review') return { kind: 'review' };
  if (view === 'outline') return { kind: 'outline' };
  if (view === 'perspectives') return { kind: 'perspectives' };
  if (view === 'history') return { kind: 'history', version: one(query.version) || null };
  if (view === 'area' && area) return { kind: 'area', id: area };
  return { kind: 'map' };
}

/** The query that shows `view` (to give to the router's setSearchParams). */
export function methodViewQuery(view: MethodView): { view: string | undefined; area: string | undefined; version?: string | undefined } {
  switch (view.kind) {
    case 'map':
      return { view: undefined, area: undefined };
    case 'area':
      return { view: 'area', area: view.id };
    case 'history':
      return { view: 'history', area: undefined, version: view.version ?? undefined };
    default:
      return { view: view.kind, area: undefined };
  }
}
