import { insuffisanceCardiaque as ic } from '@cpts/protocols';
import { it } from 'vitest';
import { actor, scenario } from '../src/index.js';

const hopital = actor('chu-nantes', ['equipe-hospitaliere']);
const drMartin = actor('dr-martin', ['medecin-traitant']);

// The README's scenario, on the heart-failure reference protocol.
it('a GP visit missed on J+7 is a rupture of the suivi-ville segment, 3 days late when done on J+10', () =>
  scenario(ic)
    .given({ age: 81, nyha: 3 })
    .at('J0', (s) => s.record('sortie'))
    .expectOpenTask('consultation-mg', { due: 'J+7' })
    .at('J+8 10:00')
    .expectRupture('consultation-mg', { segment: 'suivi-ville', open: true })
    .at('J+10', (s) => s.perform('consultation-mg', { actor: drMartin, data: { date: '2026-01-15' } }))
    .expectRupture('consultation-mg', { delayDays: 3, open: false })
    .expectRefused('NOT_ALLOWED_ROLE', (s) => s.perform('consultation-cardiologue', { actor: hopital }))
    .run());
