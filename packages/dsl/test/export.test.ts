import { parseProtocol } from '@cpts/core';
import { describe, expect, test } from 'vitest';
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

describe('exporters on edge cases', () => {
  const edge = parseProtocol({
    id: 'edge',
    version: '0.1.0',
    title: { fr: 'Cas "limites" | test' },
    fiche: {},
    roles: [{ id: 'mg', label: { fr: 'Médecin | traitant' } }],
    facts: { type: 'object', properties: { age: { type: 'integer' } } },
    steps: [
      {
        id: 'a-b',
        label: { fr: 'Étape "A"; {B}' },
        segment: 'diagnostic',
        steps: [
          {
            id: 'a_b',
            label: { fr: 'Sous-étape' },
            segment: 'diagnostic',
            exits: [{ to: 'x', when: { fact: 'age', op: 'gte', value: 75.5 } }],
          },
          { id: 'x', label: { fr: 'X' }, segment: 'diagnostic', kind: 'final' },
        ],
        exits: [
          { to: 'fin', when: { not: { any: [{ exists: 'age' }, { fact: 'age', op: 'lt', value: 18 }] } } },
        ],
        tasks: [
          {
            id: 't',
            label: { fr: 'Tâche | 1' },
            responsible: ['mg'],
            required: false,
            repeat: { perYear: 2 },
          },
        ],
      },
      { id: 'fin', label: { fr: 'Fin' }, segment: 'diagnostic', kind: 'final' },
    ],
  });

  test('Mermaid ids are sanitised and unique, labels cannot break the syntax', () => {
    const mmd = toMermaid(edge);
    expect(mmd).toContain(`state "Étape 'A' B" as a_b\n`);
    expect(mmd).toContain('state "Sous-étape" as a_b_2');
    expect(mmd).toContain(
      'state a_b {\n    state "Sous-étape" as a_b_2\n    state "X" as x\n    [*] --> a_b_2\n',
    );
    expect(mmd).toContain('a_b_2 --> x : [age ≥ 75,5]');
    expect(mmd).toContain('a_b --> fin : [non (age renseigné ou age < 18)]');
  });

  test('Markdown cells escape pipes; an empty fiche prints its gaps', () => {
    expect(toSwimlaneMarkdown(edge)).toContain(
      '| **Médecin \\| traitant** | • Tâche \\| 1 (facultatif) : 2 fois par an |',
    );
    const fiche = toFicheMarkdown(edge);
    expect(fiche).toContain('| Structure porteuse | _Non renseigné._ |');
    expect(fiche).toContain('## Sources documentaires ou références\n\n_Non renseigné._');
    expect(fiche).toContain('## Mode de validation\n\n_Non renseigné._');
  });

  test('the SVG escapes text and stays self-contained', () => {
    const svg = toSwimlaneSvg(edge);
    expect(svg).toContain('Cas &quot;limites&quot; | test');
    expect(svg).not.toMatch(/<script|href=|@import|url\(/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  test('FHIR: a perYear recurrence is a Timing with a yearly frequency', () => {
    const plan = toFhirPlanDefinition(edge);
    const task = plan.action?.[0]?.action?.[0];
    expect(task?.timingTiming).toEqual({ repeat: { frequency: 2, period: 1, periodUnit: 'a' } });
    expect(plan.name).toBe('Edge');
  });
});
