import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../cli/sweep/parseSweep.ts';

const messages = (raw: unknown): string => {
  try {
    parseSweep(raw, 'sweep.json');
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

// Issue 16 item 13: `end: "2025-02-30"` was reported as "before start" instead of as an invalid date.
describe('sweep start and end', () => {
  it('a date that does not exist is reported as such, not as out of order', () => {
    const m = messages({ id: 'd', scenarios: ['historical'], start: '2025-01-01', end: '2025-02-30' });
    expect(m).toContain('sweep.json: end: expected a real date written YYYY-MM-DD, got "2025-02-30"');
    expect(m).not.toContain('on or after start');
    expect(messages({ id: 'd', scenarios: ['historical'], start: '2021-13-01' })).toContain('start: expected a real date written YYYY-MM-DD, got "2021-13-01"');
  });
  it('real dates in order pass; out of order is still refused', () => {
    expect(messages({ id: 'd', scenarios: ['historical'], start: '2024-02-29', end: '2024-03-01' })).toBe('');
    expect(messages({ id: 'd', scenarios: ['historical'], start: '2024-03-01', end: '2024-02-29' })).toContain('end: expected a date on or after start 2024-03-01, got "2024-02-29"');
  });
});
