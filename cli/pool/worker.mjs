// Worker-thread entry of the run pool: registers tsx (so the TypeScript engine and
// CLI modules load in this thread too), then hands tinypool the run handler.
import { register } from 'tsx/esm/api';

register();
const { default: handler } = await import('./runTask.ts');

export default handler;
