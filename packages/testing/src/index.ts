/** @module */
export const PACKAGE = '@cpts/testing';
