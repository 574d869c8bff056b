// Worker-thread entry of a parallel run: loads the TypeScript member through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./member.ts');
