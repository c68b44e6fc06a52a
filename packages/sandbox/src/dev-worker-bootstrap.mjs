// Worker bootstrap used only when the host runs from TypeScript source
// (tests, `node --import tsx`): registers tsx in this worker thread, then
// loads the TypeScript worker entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
