export type {
  Attribution,
  DerivedEvent,
  HistoryEvent,
  HistoryEventType,
  InputEvent,
  RefusalEvent,
} from './events.js';
export { isInputEvent } from './events.js';
