import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterMarkdown } from '../../cli/commands/params.ts';
import { bytesPerUser } from '../../engine/population/users.ts';

const odd = readFileSync(join(import.meta.dirname, '../../docs/ODD.md'), 'utf8');

describe('docs/ODD.md', () => {
  it('carries the parameter table exactly as the code defines it', () => {
    const table = odd.split('<!-- params:start -->\n')[1].split('\n<!-- params:end -->')[0];
    expect(table).toBe(parameterMarkdown());
  });

  it('states the bytes per user agent the columns really take', () => {
    expect(odd).toContain(`${bytesPerUser()} bytes per agent`);
  });
});
