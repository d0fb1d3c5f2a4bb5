/** Running the CLI in-process in a throw-away folder, for the CLI tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

export interface Result {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * A temp folder made before the file's tests and removed after them, and `ctcl(...argv)` running the
 * CLI there with stdout and stderr captured. Call at the top level of a test file.
 */
export function cliFolder(prefix: string): { readonly dir: () => string; ctcl: (...argv: string[]) => Promise<Result> } {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async ctcl(...argv) {
      let out = '';
      let err = '';
      const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd: dir });
      return { code, out, err };
    },
  };
}
