/** @module */
export const PACKAGE = '@cpts/dsl';
