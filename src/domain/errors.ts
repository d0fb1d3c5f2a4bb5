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
