import { existsSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_CASES } from './badScenarios.ts';
import { cli } from './cliProcess.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'market-sim-cli-bad-'));

/** `market-sim run FILE --out DIR`: exit 2, the message on stderr, and DIR never created. */
function refused(file: string, mustSay: string[]) {
  const out = join(tmp(), 'out');
  const r = cli('run', file, '--out', out, '--agents', '200');
  expect(r.status, r.stderr).toBe(2);
  for (const s of mustSay) expect(r.stderr, r.stderr).toContain(s);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
}

describe('market-sim run on bad input: exit 2, a message naming path and expected value, no output', () => {
  const dir = tmp();
  // Every case runs in process in validation.test.ts; here one case per kind of mistake.
  for (const c of BAD_CASES.filter((x) => x.cli)) {
    it(c.name, () => {
      const file = join(dir, `${c.name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, c.text);
      refused(file, [c.path ? `${file}: ${c.path}: ` : `${file}: `, ...c.says]);
    });
  }

  it('an extends cycle', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.json'), JSON.stringify({ id: 'a', extends: 'b.json' }));
    writeFileSync(join(d, 'b.json'), JSON.stringify({ id: 'b', extends: './a' }));
    refused(join(d, 'a.json'), ['extends: ', 'extends cycle', 'expected a chain of bases that ends']);
  });

  it('a missing base file', () => {
    const d = tmp();
    writeFileSync(join(d, 'm.json'), JSON.stringify({ id: 'm', extends: 'gone.json' }));
    refused(join(d, 'm.json'), [`${join(d, 'm.json')}: extends: cannot load base "gone.json"`, 'expected a file path or a catalog name']);
  });

  it('a 50 MB file', () => {
    const file = join(tmp(), 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 50 * 1024 * 1024);
    refused(file, [`${file}: file is 50.0 MB; expected at most 5 MB`]);
  });

  it('a missing scenario file and a directory', () => {
    const d = tmp();
    refused(join(d, 'nope.json'), ['no scenario file', 'nope.json']);
    mkdirSync(join(d, 'dir.json'));
    refused(join(d, 'dir.json'), ['dir.json']);
  });
});
