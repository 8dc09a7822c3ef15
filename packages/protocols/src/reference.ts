/**
 * The set of reference protocols, for tools that list, validate, draw or simulate them all.
 * @module
 */
import { accesDirectKine } from './acces-direct-kine/definition.js';
import { bpco } from './bpco/definition.js';
import { diabeteType2 } from './diabete-type-2/definition.js';
import { insuffisanceCardiaque } from './insuffisance-cardiaque/definition.js';
import { situationComplexe } from './situation-complexe/definition.js';
import { sortiePersonneAgee } from './sortie-personne-agee/definition.js';

/**
 * The six reference protocols, in the order of the issue that defines them. Each keeps its
 * literal type, so `referenceProtocols[0].id` is `'insuffisance-cardiaque'`.
 *
 * @example
 * import { parseProtocol } from '@cpts/core';
 * import { referenceProtocols } from '@cpts/protocols';
 * const parsed = referenceProtocols.map((p) => parseProtocol(p));
 */
export const referenceProtocols = [
  insuffisanceCardiaque,
  bpco,
  diabeteType2,
  sortiePersonneAgee,
  accesDirectKine,
  situationComplexe,
] as const;

/** Id of a reference protocol: `'insuffisance-cardiaque' | 'bpco' | …`. */
export type ReferenceProtocolId = (typeof referenceProtocols)[number]['id'];
