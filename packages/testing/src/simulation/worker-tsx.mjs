// Runs the TypeScript worker entry from the sources (tests in the monorepo), through tsx's loader
// with the package's tsconfig (so that `@cpts/core` resolves to the core sources). The published
// package runs dist/worker.js instead and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: workerData.tsconfig });
await import(workerData.entry);
