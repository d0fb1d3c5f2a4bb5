/**
 * The one way the pane turns an error into words: a UserError says what happened in Vietnamese, so its
 * message is shown as it is; a part of the pane that could not be downloaded (the network dropped) says so
 * and asks to save first (CHUNK_FAILED); anything else is a bug, logged to the console and shown as a plain
 * sentence.
 */
import { UserError } from '../domain/errors';

/** Shown when a part of the pane could not be downloaded. */
export const CHUNK_FAILED =
  'Không tải được phần này của ctcl: có thể mạng vừa bị ngắt. Tài liệu đang mở vẫn còn nguyên — nếu cần, hãy bấm «Lưu» để giữ ' +
  'nó trước, kiểm tra kết nối rồi bấm «Thử lại».';

/** webpack's error for a chunk (script) that did not load: ChunkLoadError, «Loading chunk 12 failed». */
export function isChunkLoadError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return e.name === 'ChunkLoadError' || /^Loading (CSS )?chunk \S+ failed/.test(e.message);
}

export const UNEXPECTED_ERROR = 'Đã có lỗi không rõ nguyên nhân. Hãy thử lại.';

export function errorText(e: unknown, fallback: string = UNEXPECTED_ERROR): string {
  if (e instanceof UserError) return e.message;
  // A part of the pane that did not download (the network dropped): not a bug, and the user can act.
  if (isChunkLoadError(e)) return CHUNK_FAILED;
  console.error(e);
  return fallback;
}
