/**
 * The one base of every error meant for the user: its message is Vietnamese and says what to do, and its
 * code says what went wrong for programs (tests, JSON output, support). Anything thrown that is not a
 * UserError is a bug: the front ends show a plain sentence and log it.
 */
export class UserError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** True for an error whose message is for the user as it is. */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
