// Worker-thread entry of the replication pool (compare, run --reps): registers tsx, then hands
// tinypool the replication handler.
import { register } from 'tsx/esm/api';

register();
const { default: handler } = await import('./figuresTask.ts');

export default handler;
