/**
 * Hand-written bad scenarios, one per kind of mistake, shared by the in-process
 * validation test and the CLI end-to-end test. Each names the path the error must
 * point at and a fragment of the message (what was expected, what was there).
 */
export interface BadCase {
  name: string;
  /** The scenario file's text (JSON, possibly malformed). */
  text: string;
  /** Path the error must name, e.g. `policies[0].set.adLoad` ('' for the whole file). */
  path: string;
  /** Fragments the message must contain. */
  says: string[];
  /** Also run end to end through the built command (one case per kind of mistake; each spawn costs ~1.5 s CPU). */
  cli?: boolean;
}

const j = (x: unknown) => JSON.stringify(x);
const short = { id: 'bad', extends: 'historical', start: '2021-01-01', end: '2021-03-31', agents: 200 };

/** Deeply nested JSON text: `depth` arrays inside each other, at `key`. */
export const nested = (depth: number) => `{"id":"deep","question":${'['.repeat(depth)}${']'.repeat(depth)}}`;

export const BAD_CASES: BadCase[] = [
  { name: 'unknown top-level key', text: j({ ...short, colour: 'red' }), path: '', says: ['unknown key "colour"', 'expected only "$schema", "id"'] },
  { name: 'unknown lever', text: j({ ...short, policies: [{ date: '2021-02-01', set: { adLoads: 0.2 } }] }), path: 'policies[0].set', says: ['unknown key "adLoads"', '"adLoad"'], cli: true },
  { name: 'unknown parameter', text: j({ ...short, parameters: { 'red.bassQQ': 1 } }), path: 'parameters.red.bassQQ', says: ['unknown parameter "red.bassQQ"', 'expected a key listed by `market-sim params`'] },
  { name: 'wrong type: agents as text', text: j({ ...short, agents: 'many' }), path: 'agents', says: ['expected a whole number of agents', 'got "many"'] },
  { name: 'wrong type: share as text', text: j({ ...short, policies: [{ date: '2021-02-01', set: { adLoad: '10%' } }] }), path: 'policies[0].set.adLoad', says: ['expected a number in [0, 1]', 'got "10%"'], cli: true },
  { name: 'wrong type: link mode', text: j({ ...short, policies: [{ date: '2021-02-01', set: { links: { jd: { notes: true } } } }] }), path: 'policies[0].set.links.jd.notes', says: ['expected one of "none", "organic", "ads", "all"', 'got true'] },
  { name: 'wrong type: policies not a list', text: j({ ...short, policies: { date: '2021-02-01' } }), path: 'policies', says: ['expected array', 'got an object'] },
  { name: 'negative share', text: j({ ...short, policies: [{ date: '2021-02-01', set: { ownStore: { merchantShare: -0.2 } } }] }), path: 'policies[0].set.ownStore.merchantShare', says: ['expected a number in [0, 1]', 'got -0.2'], cli: true },
  { name: 'probability above 1', text: j({ ...short, policies: [{ date: '2021-02-01', set: { links: { taotian: { friction: 1.5 } } } }] }), path: 'policies[0].set.links.taotian.friction', says: ['expected a number in [0, 1]', 'got 1.5'], cli: true },
  { name: 'parameter out of range', text: j({ ...short, parameters: { 'seed.adCtr': 2 } }), path: 'parameters.seed.adCtr', says: ['expected a number in [0, 1] (per impression)', 'got 2'] },
  { name: 'parameter not finite (1e999)', text: '{"id":"bad","parameters":{"red.bassQ":1e999}}', path: 'parameters.red.bassQ', says: ['expected a finite number', 'got Infinity'] },
  { name: 'budget shares above 1 together', text: j({ ...short, parameters: { 'merchants.initRedShare': 0.95 } }), path: 'parameters.merchants.initRedShare', says: ['expected merchants.initRedShare + merchants.initDouyinShare <= 1', 'got merchants.initRedShare = 0.95 + merchants.initDouyinShare = 0.12 = 1.07'] },
  { name: 'date after the span', text: j({ ...short, policies: [{ date: '2021-06-01', set: { adLoad: 0.2 } }] }), path: 'policies[0].date', says: ['expected a date within the simulated span [2021-01-01, 2021-03-31]', 'got "2021-06-01"'], cli: true },
  { name: 'date before 2015', text: j({ ...short, policies: [{ date: '0201-06-01', set: { adLoad: 0.2 } }] }), path: 'policies[0].date', says: ['expected a date in [2015-01-01, 2021-03-31]', 'got "0201-06-01"'] },
  { name: 'span end after 2035', text: j({ ...short, end: '2099-12-31' }), path: 'end', says: ['expected a date in [2015-01-01, 2035-12-31]', 'got "2099-12-31"'] },
  { name: 'end before start', text: j({ ...short, start: '2021-03-01', end: '2021-01-01' }), path: 'end', says: ['expected a date on or after start 2021-03-01', 'got "2021-01-01"'] },
  { name: 'impossible date', text: j({ ...short, policies: [{ date: '2021-02-30', set: { adLoad: 0.2 } }] }), path: 'policies[0].date', says: ['expected a real date written YYYY-MM-DD', 'got "2021-02-30"'] },
  { name: 'entries out of order', text: j({ ...short, policies: [{ date: '2021-03-01', set: { adLoad: 0.2 } }, { date: '2021-02-01', set: { adTools: 0.5 } }] }), path: 'policies[1].date', says: ['expected a date on or after 2021-03-01 (policies[0])', 'got "2021-02-01"'], cli: true },
  { name: 'overlapping entries (same lever, same date)', text: j({ ...short, policies: [{ date: '2021-02-01', set: { links: { jd: { notes: 'all' } } } }, { date: '2021-02-01', set: { links: { jd: { notes: 'ads' } } } }] }), path: 'policies[1].set.links.jd.notes', says: ['sets the same lever as policies[0] on the same date 2021-02-01', 'expected one entry per lever and date'], cli: true },
  { name: 'duplicate entry id', text: j({ ...short, policies: [{ id: 'x', date: '2021-02-01', set: { adLoad: 0.2 } }, { id: 'x', date: '2021-03-01', set: { adTools: 0.2 } }] }), path: 'policies[1].id', says: ['expected an id not used by another entry', 'got "x"'] },
  { name: 'an entry that sets levers without a date', text: j({ ...short, policies: [{ id: 'x', set: { adLoad: 0.1 } }] }), path: 'policies[0].date', says: ['expected a date "YYYY-MM-DD"', 'only an entry with "remove": true may leave it out'] },
  { name: 'removing an entry in a scenario without a base', text: j({ id: 'bad', policies: [{ id: 'cut-2021', remove: true }] }), path: 'policies[0].remove', says: ['this scenario has no base', 'expected "extends"'] },
  { name: 'removing a base entry that does not exist', text: j({ ...short, policies: [{ id: 'no-such-entry', date: '2021-02-01', remove: true }] }), path: 'policies[0].id', says: ['no base entry with id "no-such-entry"', 'expected the id of an entry of the base'] },
  { name: '__proto__ key at the top', text: '{"id":"bad","__proto__":{"polluted":1}}', path: '', says: ['unknown key "__proto__"'] },
  { name: '__proto__ key in a lever group', text: '{"id":"bad","policies":[{"date":"2021-02-01","set":{"links":{"__proto__":{"notes":"all"}}}}]}', path: 'policies[0].set.links', says: ['unknown key "__proto__"', 'expected only "taotian", "jd", "pdd"'] },
  { name: '__proto__ key in parameters', text: '{"id":"bad","parameters":{"__proto__":{"red.bassQ":2}}}', path: 'parameters.__proto__', says: ['unknown parameter "__proto__"', 'got an object'], cli: true },
  { name: 'constructor key in parameters', text: '{"id":"bad","parameters":{"constructor":1}}', path: 'parameters.constructor', says: ['unknown parameter "constructor"'] },
  { name: 'constructor key in a policy entry', text: '{"id":"bad","policies":[{"date":"2021-02-01","constructor":{"prototype":{"x":1}}}]}', path: 'policies[0]', says: ['unknown key "constructor"'], cli: true },
  { name: 'deeply nested JSON (100,000 levels)', text: nested(100_000), path: 'question', says: ['expected string', 'got an array of 1'], cli: true },
  { name: 'not an object', text: '[1, 2, 3]', path: '', says: ['expected object', 'got an array of 3'] },
  { name: 'malformed JSON', text: '{\n  "id": "bad",\n  "agents": 5,\n}', path: '', says: ['not valid JSON', '(line 4, column 1)'] },
];
