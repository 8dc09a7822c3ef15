export { MemoryStore } from './memory.js';
export type { JourneyIndex, OpenTaskQuery, OpenTaskRecord, Store, StoredJourney } from './store.js';
