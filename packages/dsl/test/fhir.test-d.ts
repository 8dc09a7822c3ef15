import type {
  Expression,
  PlanDefinition,
  PlanDefinitionAction,
  PlanDefinitionActionCondition,
  PlanDefinitionActionParticipant,
  PlanDefinitionActionRelatedAction,
} from '@medplum/fhirtypes';
import { expectTypeOf, test } from 'vitest';
import type {
  FhirExpression,
  FhirParticipant,
  FhirPlanDefinition,
  FhirPlanDefinitionAction,
  FhirRelatedAction,
} from '../src/index.js';

type Condition = NonNullable<FhirPlanDefinitionAction['condition']>[number];

test('the export has the shape of a FHIR R4 PlanDefinition (@medplum/fhirtypes)', () => {
  expectTypeOf<Omit<FhirPlanDefinition, 'action'>>().toExtend<Omit<PlanDefinition, 'action'>>();
  expectTypeOf<Omit<FhirPlanDefinitionAction, 'condition' | 'action'>>().toExtend<
    Omit<PlanDefinitionAction, 'condition' | 'action'>
  >();
  expectTypeOf<FhirParticipant>().toExtend<PlanDefinitionActionParticipant>();
  expectTypeOf<FhirRelatedAction>().toExtend<PlanDefinitionActionRelatedAction>();
  expectTypeOf<Omit<Condition, 'expression'>>().toExtend<Omit<PlanDefinitionActionCondition, 'expression'>>();
  // The one deliberate difference: conditions are written as JSON (language "application/json"),
  // which FHIR R4's extensible ExpressionLanguage binding allows and medplum's closed union does not.
  expectTypeOf<Omit<FhirExpression, 'language'>>().toExtend<Omit<Expression, 'language'>>();
  expectTypeOf<FhirExpression['language']>().toEqualTypeOf<'application/json'>();
});
