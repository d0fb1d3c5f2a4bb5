/** Reading and writing the files a command names, with Vietnamese messages for the usual mistakes. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { CliError, EXIT_FAILURE, EXIT_USAGE, type CliIo } from './context';

export function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd, path);
}

/** Check an output path before doing any work: .docx name, folder exists, no file in the way unless forced. */
export function checkOutput(io: CliIo, path: string, opts: { force?: boolean; ext?: string } = {}): string {
  const ext = opts.ext ?? '.docx';
  const full = resolvePath(io, path);
  if (extname(full).toLowerCase() !== ext) {
    throw new CliError(`Tệp kết quả «${path}» phải có đuôi ${ext}.`);
  }
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(`Không có thư mục «${dir}» để ghi tệp «${path}».`);
  }
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) throw new CliError(`«${path}» là một thư mục, không phải tệp.`);
    if (!opts.force) throw new CliError(`Tệp «${path}» đã có. Thêm --force nếu muốn ghi đè.`);
  }
  return full;
}

/** Write bytes; without force an existing file is never replaced (even one created meanwhile). */
export function writeOutput(io: CliIo, path: string, bytes: Uint8Array, opts: { force?: boolean } = {}): string {
  const full = resolvePath(io, path);
  try {
    writeFileSync(full, bytes, { flag: opts.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`Tệp «${path}» đã có. Thêm --force nếu muốn ghi đè.`, EXIT_USAGE);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`Không có thư mục để ghi tệp «${path}».`, EXIT_USAGE);
    if (code === 'EISDIR') throw new CliError(`«${path}» là một thư mục, không phải tệp.`, EXIT_USAGE);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
      throw new CliError(`Không ghi được tệp «${path}»: không có quyền ghi, hoặc tệp đang mở trong Word.`, EXIT_FAILURE);
    }
    throw new CliError(`Không ghi được tệp «${path}» (${(e as Error).message}).`, EXIT_FAILURE);
  }
  return full;
}

/** Read a file the user named (for commands that take a .docx). */
export function readInput(io: CliIo, path: string): Uint8Array {
  const full = resolvePath(io, path);
  try {
    return new Uint8Array(readFileSync(full));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Không tìm thấy tệp «${path}».`);
    if (code === 'EISDIR') throw new CliError(`«${path}» là một thư mục, không phải tệp.`);
    throw new CliError(`Không đọc được tệp «${path}» (${(e as Error).message}).`, EXIT_FAILURE);
  }
}
