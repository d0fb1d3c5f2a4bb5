/** Helpers shared by tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocxDocument } from '../src/docx/document';
import { parseXml } from '../src/docx/xml-node';

export const FIXTURES = join(__dirname, 'fixtures');
export const SEEDS = join(FIXTURES, 'seeds');

/** Seed file by its number: seed('003'). */
export function seedPath(n: string): string {
  const f = readdirSync(SEEDS).find((x) => x.startsWith(`${n}_`) && x.endsWith('.docx'));
  if (!f) throw new Error(`no seed ${n}`);
  return join(SEEDS, f);
}

export function openSeed(n: string): DocxDocument {
  return DocxDocument.open(new Uint8Array(readFileSync(seedPath(n))), parseXml, seedPath(n));
}
