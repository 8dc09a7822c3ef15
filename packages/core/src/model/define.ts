import type { ProtocolInput } from './protocol.js';

/**
 * Declares a protocol in TypeScript, keeping every id as a literal type, so that the typed engine
 * API rejects unknown task, role and fact names at compile time. Returns its argument unchanged:
 * validate it with `parseProtocol` (the engine does) before use.
 *
 * @example
 * const ic = defineProtocol({ id: 'ic', version: '1.0.0', title: { fr: 'IC' }, fiche: {}, roles: [...], steps: [...] });
 */
export function defineProtocol<const P extends ProtocolInput>(protocol: P): P {
  return protocol;
}
