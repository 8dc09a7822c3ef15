import { z } from 'zod';
import { IdSchema } from './common.js';

/**
 * What a due window or an elapsed time counts from.
 * - `opened`: the moment the task (or its occurrence) was opened — the default;
 * - `journey-start`: the start of the journey;
 * - `step-entry`: the entry into the step that holds the task;
 * - `{ task }`: the latest completion of another task;
 * - `{ event }`: the latest recording of an event (e.g. `sortie` — discharge);
 * - `{ fact }`: a fact holding a date (e.g. `dateSortie`).
 */
export type Anchor =
  | 'opened'
  | 'journey-start'
  | 'step-entry'
  | { task: string }
  | { event: string }
  | { fact: string };

export const AnchorSchema = z
  .union(
    [
      z.enum(['opened', 'journey-start', 'step-entry'], {
        message: 'must be "opened", "journey-start", "step-entry", { task }, { event } or { fact }',
      }),
      z.strictObject({ task: IdSchema }),
      z.strictObject({ event: IdSchema }),
      z.strictObject({ fact: IdSchema }),
    ],
    { message: 'must be "opened", "journey-start", "step-entry", { task }, { event } or { fact }' },
  )
  .meta({ id: 'Anchor', description: 'What a due window counts from.' }) as z.ZodType<Anchor, Anchor>;
