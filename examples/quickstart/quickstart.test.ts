import { describe, expect, it } from 'vitest';
import { main } from './quickstart.js';

describe('README quick start', () => {
  it('prints the overdue GP visit and the rupture it caused', async () => {
    const lines: string[] = [];
    const journey = await main((l) => lines.push(l));
    expect(lines).toEqual([
      'EN RETARD  Consultation du médecin traitant — patient-1, avant le 2026-03-09',
      'rupture suivi-ville: consultation-mg, 2 jour(s) de retard (rattrapée)',
    ]);
    expect(journey.task('consultation-cardio')?.status).toBe('open');
  });
});
