/** A folder zipped as a reviewer would send it: every file under `name/`, hidden ones too. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export function folderZip(dir: string, name: string): Uint8Array {
  const files: Zippable = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[`${name}/${relative(dir, p).split(sep).join('/')}`] = new Uint8Array(readFileSync(p));
    }
  };
  walk(dir);
  return zipSync(files, { level: 1 });
}
