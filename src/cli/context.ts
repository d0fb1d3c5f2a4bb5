/** What every CLI command gets: where to write, where relative paths start, and how to fail. */
import { UserError } from '../domain/errors';

/** Exit codes of the `ctcl` command. */
export const EXIT_OK = 0;
/** Something went wrong while doing the work (e.g. the disk refused the file). */
export const EXIT_FAILURE = 1;
/** `ctcl check`: the documents were read and at least one has a finding of severity error (Lỗi). */
export const EXIT_FINDINGS = 1;
/** `ctcl fix`: the document had nothing the checker can fix (no copy is written). */
export const EXIT_NOTHING_TO_FIX = 3;
/** The command line or its input is wrong: unknown form, bad year, missing option, existing output. */
export const EXIT_USAGE = 2;

export interface CliIo {
  /** Normal output (results). */
  stdout(text: string): void;
  /** Errors, warnings and help asked for by mistake. */
  stderr(text: string): void;
  /** Folder relative paths are resolved against. */
  readonly cwd: string;
  /** Where a progress bar may be drawn: the terminal's stderr, only when it is one (absent in tests and pipes). */
  readonly progress?: NodeJS.WritableStream;
}

/** Thrown by a command that has printed its results and ends with a given exit code. */
export class CommandExit {
  constructor(readonly exitCode: number) {}
}

/** A failure with a Vietnamese message for the user and the exit code to end with. */
export class CliError extends UserError {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super('cli', message);
  }
}
