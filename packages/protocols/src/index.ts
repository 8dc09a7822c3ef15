/** @module */
export const PACKAGE = '@cpts/protocols';
