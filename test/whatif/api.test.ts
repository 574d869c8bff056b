import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicationSeeds } from '../../engine/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'docs/examples/whatif.ts');

describe('docs/api.md', () => {
  it('embeds docs/examples/whatif.ts verbatim', () => {
    expect(readFileSync(join(ROOT, 'docs/api.md'), 'utf8')).toContain('```ts\n' + readFileSync(EXAMPLE, 'utf8') + '```');
  });

  it('documents simulate, replicate and compare, which the package exports', async () => {
    const api = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
    const pkg = await import('market-sim');
    for (const name of ['simulate', 'replicate', 'compare']) {
      expect(api).toContain(`## \`${name}(`);
      expect(typeof (pkg as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it('its example runs with `node --import tsx` and prints one run, replications and a paired comparison', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', EXAMPLE], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^one run: Taotian GMV in the Red Cat phase \d+\.\d\dT RMB\/year$/);
    expect(lines[1]).toBe(`replicate: seeds ${replicationSeeds(1, 5).join(', ')}`);
    expect(lines[2]).toMatch(/^replicate: RED trust in the Red Cat phase 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] \(index 0-1\)$/);
    expect(lines[3]).toMatch(/^compare: ad_revenue_per_year \S+ \[\S+, \S+\] RMB\/year, paired interval /);
    expect(lines[4]).toMatch(/^compare: trust -0\.\d+ \[-\S+, -\S+\] index 0-1, paired interval [\d.]+× narrower than unpaired$/);
  });
});
