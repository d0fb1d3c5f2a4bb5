/**
 * Office errors turned into Vietnamese messages the pane can show as they are. The original error is
 * kept as `cause` for the log; its code (e.g. "AccessDenied", 5009) is appended for support.
 */

/** The user action an error happened in (chooses the wording). */
export type WordAction = 'insert' | 'read' | 'select' | 'selection' | 'edit' | 'load-store' | 'save-store';

export type WordErrorCode =
  /** The document is read-only, or the cursor is in a protected region or a locked content control. */
  | 'read-only'
  /** A table or cell was not found (the document changed). */
  | 'not-found'
  /** The pane's model no longer matches the tables in Word. */
  | 'stale'
  /** Word refused the content at this place (e.g. a table inside a text box or an equation). */
  | 'invalid-place'
  /** The connection between the pane and Word was lost. */
  | 'connection'
  | 'failed';

export class WordGatewayError extends Error {
  override readonly name = 'WordGatewayError';

  constructor(
    readonly code: WordErrorCode,
    message: string,
    readonly action: WordAction,
    /** The Office error (OfficeExtension.Error or Office.Error) this wraps, if any. */
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

const FAILED: Record<WordAction, string> = {
  insert: 'Không chèn được bảng vào tài liệu.',
  read: 'Không đọc được nội dung tài liệu.',
  select: 'Không chọn được ô trong bảng.',
  selection: 'Không xác định được vị trí con trỏ.',
  edit: 'Không sửa được bảng trong tài liệu.',
  'load-store': 'Không đọc được dữ liệu ctcl lưu trong tài liệu.',
  'save-store': 'Không lưu được dữ liệu ctcl vào tài liệu.',
};

const READ_ONLY: Record<WordAction, string> = {
  insert:
    'Không chèn được bảng: tài liệu đang ở chế độ chỉ đọc, hoặc con trỏ nằm trong vùng được bảo vệ. Hãy bật chỉnh sửa (Enable Editing) hoặc đặt con trỏ ra ngoài vùng được bảo vệ rồi thử lại.',
  read: 'Không đọc được tài liệu: tài liệu đang được bảo vệ, Word không cho phần bổ trợ đọc nội dung.',
  select: 'Không chọn được ô: bảng nằm trong vùng được bảo vệ của tài liệu.',
  selection: 'Không xác định được vị trí con trỏ: con trỏ nằm trong vùng được bảo vệ của tài liệu.',
  edit: 'Không sửa được bảng: tài liệu đang ở chế độ chỉ đọc, hoặc bảng nằm trong vùng được bảo vệ. Hãy bật chỉnh sửa (Enable Editing) rồi thử lại.',
  'load-store': 'Không đọc được dữ liệu ctcl: tài liệu đang được bảo vệ.',
  'save-store':
    'Không lưu được dữ liệu ctcl vào tài liệu: tài liệu đang ở chế độ chỉ đọc. Hãy bật chỉnh sửa (Enable Editing) rồi thử lại.',
};

const NOT_FOUND = 'Không tìm thấy bảng hoặc ô cần chọn: có thể tài liệu vừa được sửa. Hãy bấm «Kiểm tra lại» rồi thử lại.';
export const STALE_MESSAGE =
  'Các bảng trong tài liệu đã thay đổi so với lần kiểm tra gần nhất. Hãy bấm «Kiểm tra lại» rồi thử lại.';
const INVALID_PLACE =
  'Word không chèn được bảng ở vị trí con trỏ (ví dụ trong hộp văn bản, chú thích hoặc công thức). Hãy đặt con trỏ vào một đoạn văn bình thường rồi thử lại.';
const CONNECTION = 'Mất kết nối với Word. Hãy đóng rồi mở lại ngăn ctcl.';

/** Error codes of OfficeExtension.Error (strings) and Office.Error (numbers) that mean "not allowed here". */
const READ_ONLY_CODES = new Set<unknown>(['AccessDenied', 'NotAllowed', 'PermissionDenied', 5009]);

function codeOf(err: unknown): string | number | undefined {
  const c = (err as { code?: unknown } | null | undefined)?.code;
  return typeof c === 'string' || typeof c === 'number' ? c : undefined;
}

/** Wrap any error from Office into a WordGatewayError (errors that already are one pass through). */
export function toWordError(action: WordAction, err: unknown, readOnlyDocument = false): WordGatewayError {
  if (err instanceof WordGatewayError) return err;
  const code = codeOf(err);
  const suffix = code !== undefined ? ` (mã lỗi: ${code})` : '';
  const make = (c: WordErrorCode, message: string): WordGatewayError => new WordGatewayError(c, message + suffix, action, err);
  if (READ_ONLY_CODES.has(code) || (readOnlyDocument && (action === 'insert' || action === 'edit' || action === 'save-store'))) {
    return make('read-only', READ_ONLY[action]);
  }
  if (code === 'ItemNotFound') return make('not-found', NOT_FOUND);
  if (code === 'InvalidArgument' && action === 'insert') return make('invalid-place', INVALID_PLACE);
  if (code === 'ConnectionFailure') return make('connection', CONNECTION);
  return make('failed', FAILED[action]);
}

export function notFoundError(action: WordAction): WordGatewayError {
  return new WordGatewayError('not-found', NOT_FOUND, action);
}

export function staleError(action: WordAction): WordGatewayError {
  return new WordGatewayError('stale', STALE_MESSAGE, action);
}

export function readOnlyError(action: WordAction): WordGatewayError {
  return new WordGatewayError('read-only', READ_ONLY[action], action);
}
