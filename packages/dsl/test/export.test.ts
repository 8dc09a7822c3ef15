import { describe, test } from 'vitest';
import {
  toFhirPlanDefinition,
  toFicheMarkdown,
  toMermaid,
  toSwimlaneMarkdown,
  toSwimlaneSvg,
} from '../src/index.js';
import { icSortie } from './fixtures/ic-sortie.js';
import { expectGolden } from './golden.js';

describe('exporters on the heart-failure discharge protocol (golden files)', () => {
  test('Mermaid state diagram', () => expectGolden('ic-sortie.mmd', toMermaid(icSortie)));
  test('swimlane in Markdown', () => expectGolden('ic-sortie.swimlane.md', toSwimlaneMarkdown(icSortie)));
  test('swimlane in SVG', () => expectGolden('ic-sortie.swimlane.svg', toSwimlaneSvg(icSortie)));
  test('HAS fiche in Markdown', () => expectGolden('ic-sortie.fiche.md', toFicheMarkdown(icSortie)));
  test('FHIR PlanDefinition', () =>
    expectGolden(
      'ic-sortie.plandefinition.json',
      `${JSON.stringify(toFhirPlanDefinition(icSortie), null, 2)}\n`,
    ));
});
