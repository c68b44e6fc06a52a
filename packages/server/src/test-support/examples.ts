/** The repository's example systems (built by `npm run build`), for servers that install them. */
import { fileURLToPath } from 'node:url';

/** The `examples/` folder of the repository. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** Settings of a test server that installs the example systems. */
export const WITH_EXAMPLES = { installExamples: true, examplesDir: EXAMPLES_DIR } as const;
