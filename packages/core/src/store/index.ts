export { MemoryStore } from './memory.js';
export { selectOpenTasks } from './query.js';
export type { JourneyIndex, OpenTaskQuery, OpenTaskRecord, Store, StoredJourney } from './store.js';
