import { MemoryStore } from '@cpts/core';
import { describeStoreContract } from '../src/contract.js';

describeStoreContract('MemoryStore', () => new MemoryStore());
