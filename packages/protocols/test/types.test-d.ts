import type { ProtocolInput } from '@cpts/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type accesDirectKine,
  type bpco,
  insuffisanceCardiaque,
  type ReferenceProtocolId,
  referenceProtocols,
  type situationComplexe,
} from '../src/index.js';

type Elem<A> = A extends readonly (infer X)[] ? X : never;

describe('reference protocols keep their ids as literal types', () => {
  it('protocol ids', () => {
    expectTypeOf(insuffisanceCardiaque.id).toEqualTypeOf<'insuffisance-cardiaque'>();
    expectTypeOf<ReferenceProtocolId>().toEqualTypeOf<
      | 'insuffisance-cardiaque'
      | 'bpco'
      | 'diabete-type-2'
      | 'sortie-personne-agee'
      | 'acces-direct-kine'
      | 'situation-complexe'
    >();
    expectTypeOf(referenceProtocols[4].id).toEqualTypeOf<'acces-direct-kine'>();
  });

  it('roles, delegations and events', () => {
    expectTypeOf<Elem<typeof accesDirectKine.roles>['id']>().toEqualTypeOf<
      'medecin-traitant' | 'masseur-kinesitherapeute' | 'coordinateur-cpts'
    >();
    expectTypeOf<Elem<typeof accesDirectKine.delegations>['id']>().toEqualTypeOf<
      'entorse-cheville' | 'lombalgie-aigue'
    >();
    expectTypeOf<Elem<typeof situationComplexe.events>['id']>().toEqualTypeOf<
      'evenement-significatif' | 'situation-stabilisee'
    >();
    // @ts-expect-error an unknown role id is not a role of the protocol
    const role: Elem<typeof bpco.roles>['id'] = 'cardiologue';
    void role;
  });

  it('task ids of a step', () => {
    type Diagnostic = Extract<Elem<typeof bpco.steps>, { id: 'diagnostic' }>;
    expectTypeOf<Elem<Diagnostic['tasks']>['id']>().toEqualTypeOf<'spirometrie-diagnostique'>();
  });

  it('each definition is a ProtocolInput', () => {
    expectTypeOf(insuffisanceCardiaque).toExtend<ProtocolInput>();
    expectTypeOf<Elem<typeof referenceProtocols>>().toExtend<ProtocolInput>();
  });
});
