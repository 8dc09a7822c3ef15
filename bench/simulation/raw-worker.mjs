// Worker entry of bench/simulation's raw baseline: registers tsx (a worker thread does not
// inherit the main thread's `--import tsx`), then runs raw.ts, which replays and posts its figures.
import { register } from 'tsx/esm/api';

register();
await import('./raw.ts');
