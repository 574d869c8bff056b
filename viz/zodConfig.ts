/**
 * Imported first by the page and the worker: the built site's Content-Security-Policy
 * forbids eval, so zod must not probe or use its `new Function` fast path. (ES module
 * imports run in order, so this runs before any module that parses a scenario.)
 */
import { z } from 'zod';

z.config({ jitless: true });
