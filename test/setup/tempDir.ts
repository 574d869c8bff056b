import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Each test file gets its own temporary directory, removed when the file is done: os.tmpdir()
// reads TMPDIR, so the temp dirs tests and the CLI processes they start create (mkdtempSync under
// tmpdir()) land inside it and do not pile up in /tmp run after run.
// The base is the system's temp dir even if a worker runs several files (TMPDIR already set).
const base = (process.env.MARKET_SIM_TEST_TMP_BASE ??= tmpdir());
const dir = mkdtempSync(join(base, 'market-sim-test-'));
process.env.TMPDIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
