import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SimulationResult, simulateCohort, toHtmlReport, toMarkdownReport } from '../src/index.js';
import { sortieIc } from './fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let result: SimulationResult;

beforeAll(async () => {
  result = await simulateCohort(sortieIc, {
    patients: 150,
    horizon: 'P4M',
    seed: 3,
    shards: 2,
    threads: 0,
    facts: { age: { kind: 'normal', mean: 78, sd: 9 }, vitSeul: { kind: 'bernoulli', p: 0.3 } },
    events: { sortie: { after: { kind: 'uniform', min: 2, max: 10 } } },
    behaviour: { tasks: { 'consultation-mg': { probability: 0.8 } } },
    capacity: { mg: 6 },
  });
}, 60_000);

describe('reports', () => {
  it('renders the result as Markdown with every section and the numbers', () => {
    const md = toMarkdownReport(result);
    for (const heading of [
      '## Parcours',
      '## Indicateurs',
      '## Ruptures',
      '### Par segment du parcours',
      '## Temps passé par étape',
      '## Charge de travail par rôle',
    ])
      expect(md).toContain(heading);
    expect(md).toContain('| Vus par le médecin traitant sous 7 jours (`mg-7j`) | de moyens |');
    expect(md).toContain(`${result.ruptures.total} ruptures`);
    expect(md).toMatch(/\| Médecin traitant \(`mg`\) \| [\d ]+ \|/);
  });

  it('renders a self-contained HTML page: no script, no external asset', () => {
    const html = toHtmlReport(result);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/);
    expect(html).toContain('data-chart="ruptures-segment"');
    expect(html).toContain('data-chart="indicators"');
    expect(html).toContain('data-chart="workload-mg"');
    // Labels are escaped.
    expect(toHtmlReport({ ...result, protocol: { ...result.protocol, title: '<b>x</b> & y' } })).toContain(
      '&lt;b&gt;x&lt;/b&gt; &amp; y',
    );
  });

  it('draws its charts in headless Chromium, offline', async () => {
    // Never skipped: a missing browser fails here, with the way to get one (.ci/run installs it).
    expect(
      existsSync(CHROMIUM),
      `no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    ).toBe(true);
    const dir = join(tmpdir(), 'cpts-report-test');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'report.html');
    writeFileSync(file, toHtmlReport(result));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${file}`);
      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const bars = [...svg.querySelectorAll('rect.bar')].filter((r) => {
            const b = r.getBoundingClientRect();
            return b.width > 0 && b.height > 0;
          }).length;
          return { id: svg.getAttribute('data-chart'), width: box.width, height: box.height, bars };
        }),
      );
      const byId = new Map(charts.map((c) => [c.id, c]));
      for (const id of ['indicators', 'ruptures-segment', 'steps', 'workload-mg', 'workload-hopital'])
        expect(byId.get(id), `chart ${id}`).toMatchObject({
          width: expect.any(Number),
          height: expect.any(Number),
        });
      for (const c of charts) {
        expect(c.width, `${c.id} width`).toBeGreaterThan(200);
        expect(c.height, `${c.id} height`).toBeGreaterThan(40);
      }
      expect(byId.get('ruptures-segment')!.bars).toBe(result.ruptures.bySegment.length);
      expect(byId.get('indicators')!.bars).toBe(result.indicators.length);
      expect(byId.get('workload-mg')!.bars).toBeGreaterThan(5);
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
