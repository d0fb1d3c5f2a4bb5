/**
 * The one way the pane turns an error into words: a UserError says what happened in Vietnamese, so its
 * message is shown as it is; anything else is a bug, logged to the console and shown as a plain sentence.
 */
import { UserError } from '../domain/errors';

export const UNEXPECTED_ERROR = 'Đã có lỗi không rõ nguyên nhân. Hãy thử lại.';

export function errorText(e: unknown, fallback: string = UNEXPECTED_ERROR): string {
  if (e instanceof UserError) return e.message;
  console.error(e);
  return fallback;
}
