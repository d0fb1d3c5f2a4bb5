/**
 * A .zip of schools' files as a folder for a review: its entries listed without inflating them, each
 * one inflated only when it is read (so a .zip of 2,000 files never sits inflated in memory), a file
 * too large refused from its declared size. No DOM, no Node.
 */
import { unzipSync } from 'fflate';
import { readFailure, tooLargeError } from './open';
import type { SourceBytes } from './review';
import type { FolderEntry } from './review-files';

interface ZipItem {
  read(): SourceBytes;
}

export class ZipFolderError extends Error {}

/** The files of a .zip (folders left out), each read on demand. Throws ZipFolderError when it is not a .zip. */
export function zipEntries(bytes: Uint8Array): FolderEntry<ZipItem>[] {
  const listed: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!f.name.endsWith('/')) listed.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new ZipFolderError(`Không mở được tệp .zip (${e instanceof Error ? e.message : String(e)}).`);
  }
  return listed.map(({ name, size }) => ({
    path: name.replace(/\\/g, '/'),
    item: {
      read(): SourceBytes {
        const big = tooLargeError(size);
        if (big) return { failure: readFailure(big) };
        try {
          const got = unzipSync(bytes, { filter: (f) => f.name === name })[name];
          if (!got) return { failure: { code: 'io', message: 'Không tìm thấy tệp trong .zip.' } };
          return { bytes: got };
        } catch (e) {
          return {
            failure: { code: 'io', message: `Không giải nén được tệp từ .zip (${e instanceof Error ? e.message : String(e)}).` },
          };
        }
      },
    },
  }));
}
