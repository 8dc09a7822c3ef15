/**
 * `@cpts/testing/contract`: the vitest suite every `Store` implementation must pass.
 * @module
 */
export { describeStoreContract, type StoreContractOptions } from './contract/store-contract.js';
