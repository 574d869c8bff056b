#!/usr/bin/env node
// Entry point of the `market-sim` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
