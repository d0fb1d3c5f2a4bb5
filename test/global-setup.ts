/** Jest global setup: nothing shared yet beyond making sure the temp folder exists. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export default async function globalSetup(): Promise<void> {
  mkdirSync(join(__dirname, '..', '.tmp'), { recursive: true });
}
