import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Each test file gets its own temporary directory, removed when the file is done: os.tmpdir()
// reads TMPDIR, so the temp dirs tests and the CLI processes they start create (mkdtempSync under
// tmpdir()) land inside it and do not pile up in /tmp run after run.
// The base is the system's temp dir even if a worker runs several files (TMPDIR already set).
const base = (process.env.MARKET_SIM_TEST_TMP_BASE ??= tmpdir());
const dir = mkdtempSync(join(base, 'market-sim-test-'));
// tsx keeps its compile cache in tmpdir()/tsx-<uid>: link it to the shared one, so CLI processes
// started by the tests do not recompile the TypeScript sources once per test file (≈0.4 s each).
const tsxCache = `tsx-${userInfo().uid}`;
mkdirSync(join(base, tsxCache), { recursive: true });
symlinkSync(join(base, tsxCache), join(dir, tsxCache), 'dir');
process.env.TMPDIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true })); // removes the link, not the shared cache
