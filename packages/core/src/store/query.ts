import type { JourneyIndex, OpenTaskQuery, OpenTaskRecord } from './store.js';

/**
 * The open tasks of some journeys that match a query: those any of `roles` may perform, and those
 * `acceptedBy` has taken. For stores that keep journey indexes in memory.
 */
export function selectOpenTasks(indexes: Iterable<JourneyIndex>, query: OpenTaskQuery): OpenTaskRecord[] {
  const roles = query.roles && new Set(query.roles);
  const out: OpenTaskRecord[] = [];
  for (const index of indexes) {
    if (query.protocolId && index.protocol.id !== query.protocolId) continue;
    for (const t of index.openTasks) {
      const byRole = roles !== undefined && t.responsible.some((r) => roles.has(r));
      const byActor = query.acceptedBy !== undefined && t.acceptedBy === query.acceptedBy;
      if (byRole || byActor) out.push(t);
    }
  }
  return out;
}
