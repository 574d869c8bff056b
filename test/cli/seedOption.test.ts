import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../cli/options.ts';
import { cli } from '../robustness/cliProcess.ts';
import { UsageError } from '../../cli/errors.ts';

// Issue 16 item 9: --seed must not lose precision or accept numbers that are not whole.
describe('--seed', () => {
  it('keeps safe whole numbers and text seeds', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('9007199254740991')).toBe(9007199254740991);
    expect(parseSeed('alpha')).toBe('alpha');
    expect(parseSeed('run-7')).toBe('run-7');
  });

  it.each(['9007199254740992', '9007199254740993', '1e23', '1.5', '-3', '0x10', ' 7', 'Infinity', ''])('refuses %j, naming the flag, the value and what was expected', (s) => {
    expect(() => parseSeed(s)).toThrow(UsageError);
    expect(() => parseSeed(s)).toThrow(/--seed: expected a whole number in \[0, 9007199254740991\] or a text seed that is not a number, got/);
  });

  it('the command exits 2 with the message and no stack trace', () => {
    const r = cli('run', 'historical', '--seed', '9007199254740993', '--agents', '10');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: --seed: .*got "9007199254740993"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
