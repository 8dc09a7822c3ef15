/**
 * `@cpts/protocols`: six reference *protocoles pluriprofessionnels*, as plain data with their
 * HAS fiche and their sources, ready for `parseProtocol` and the engine of `@cpts/core`.
 *
 * Every deadline, recurrence and criterion cites an entry of `fiche.sources`; a number no source
 * gives cites the `consensus-equipe` source and says so in a `note`.
 * @module
 */
export { accesDirectKine } from './acces-direct-kine/definition.js';
export { bpco } from './bpco/definition.js';
export { diabeteType2 } from './diabete-type-2/definition.js';
export { insuffisanceCardiaque } from './insuffisance-cardiaque/definition.js';
export { type ReferenceProtocolId, referenceProtocols } from './reference.js';
export { situationComplexe } from './situation-complexe/definition.js';
export { sortiePersonneAgee } from './sortie-personne-agee/definition.js';
