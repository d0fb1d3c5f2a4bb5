/**
 * Office errors turned into Vietnamese messages the pane can show as they are. The original error is
 * kept as `cause` for the log; its code (e.g. "AccessDenied", 5009) is appended for support.
 */
import { UserError } from '../domain/errors';

/** The user action an error happened in (chooses the wording). */
export type WordAction = 'insert' | 'read' | 'select' | 'selection' | 'edit' | 'load-store' | 'save-store' | 'open-document';

type WordErrorCode =
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
  /** Word on the web does not support this operation (NotAllowed there), not a read-only document. */
  | 'web-unsupported'
  /** Office on the web refused a request or response over its payload limit (~5 MB). */
  | 'too-large'
  /** The cursor is where a table must not go (a table cell, a header or footer, a footnote, another content control). */
  | 'cursor-place'
  /** Track Changes is on and the edit would rewrite a table (the old rows would stay, marked deleted). */
  | 'track-changes'
  /** Word reported success but the document store did not stick (re-read after saving). */
  | 'not-saved'
  | 'failed';

export class WordGatewayError extends UserError<WordErrorCode> {
  override readonly name = 'WordGatewayError';

  constructor(
    code: WordErrorCode,
    message: string,
    readonly action: WordAction,
    /** The Office error (OfficeExtension.Error or Office.Error) this wraps, if any. */
    readonly cause?: unknown,
  ) {
    super(code, message);
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
  'open-document': 'Word không mở được tài liệu mới.',
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
  'open-document': 'Word không cho mở tài liệu mới từ phần bổ trợ.',
};

const NOT_FOUND = 'Không tìm thấy bảng hoặc ô cần chọn: có thể tài liệu vừa được sửa. Hãy bấm «Kiểm tra lại» rồi thử lại.';
const STALE_MESSAGE = 'Các bảng trong tài liệu đã thay đổi so với lần kiểm tra gần nhất. Hãy bấm «Kiểm tra lại» rồi thử lại.';
const INVALID_PLACE =
  'Word không chèn được bảng ở vị trí con trỏ (ví dụ trong hộp văn bản, chú thích hoặc công thức). Hãy đặt con trỏ vào một đoạn văn bình thường rồi thử lại.';
const CONNECTION = 'Mất kết nối với Word. Hãy đóng rồi mở lại ngăn ctcl.';
/**
 * NotAllowed in Word on the web usually means "this operation is not supported in the browser" (e.g.
 * Range.insertComment, https://learn.microsoft.com/answers/questions/5909705), not a read-only document.
 */
const WEB_UNSUPPORTED =
  'Word trên web chưa cho phép thao tác này (tài liệu không phải chỉ đọc). Hãy mở tài liệu bằng ứng dụng Word trên máy tính («Mở trong ứng dụng máy tính») rồi thử lại.';
/**
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded occur only in Office on the web
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
const TOO_LARGE =
  'Tài liệu quá lớn để Word trên web chuyển cho ctcl (giới hạn khoảng 5 MB, thường do nhiều ảnh). Hãy mở tài liệu bằng Word trên máy tính, hoặc dùng trang ctcl với tệp .docx.';
const PAYLOAD_CODES = new Set<unknown>(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** Error codes of OfficeExtension.Error (strings) and Office.Error (numbers) that mean "not allowed here". */
const READ_ONLY_CODES = new Set<unknown>(['AccessDenied', 'NotAllowed', 'PermissionDenied', 5009]);

function codeOf(err: unknown): string | number | undefined {
  const c = (err as { code?: unknown } | null | undefined)?.code;
  return typeof c === 'string' || typeof c === 'number' ? c : undefined;
}

/**
 * Wrap any error from Office into a WordGatewayError (errors that already are one pass through).
 * `web`: the add-in runs in Word on the web (Office.context.platform "OfficeOnline").
 */
export function toWordError(action: WordAction, err: unknown, readOnlyDocument = false, web = false): WordGatewayError {
  if (err instanceof WordGatewayError) return err;
  const code = codeOf(err);
  const suffix = code !== undefined ? ` (mã lỗi: ${code})` : '';
  const make = (c: WordErrorCode, message: string): WordGatewayError => new WordGatewayError(c, message + suffix, action, err);
  if (PAYLOAD_CODES.has(code)) return make('too-large', TOO_LARGE);
  if (web && code === 'NotAllowed' && !readOnlyDocument) return make('web-unsupported', WEB_UNSUPPORTED);
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

/** Where the cursor is, when a table cannot be inserted there. */
type CursorPlace = 'header' | 'footnote' | 'nested-table' | 'control';

const CURSOR_PLACE: Record<CursorPlace, string> = {
  header:
    'Con trỏ đang ở đầu trang hoặc chân trang: ctcl không chèn bảng vào đó. Hãy đặt con trỏ vào thân tài liệu (một đoạn văn bình thường) rồi thử lại.',
  footnote:
    'Con trỏ đang ở trong chú thích (footnote/endnote): ctcl không chèn bảng vào đó. Hãy đặt con trỏ vào thân tài liệu rồi thử lại.',
  'nested-table':
    'Con trỏ đang ở trong một bảng lồng trong bảng khác: chèn vào đây sẽ tạo bảng lồng mà ctcl không đọc được. Hãy đặt con trỏ vào một đoạn văn ngoài bảng rồi thử lại.',
  control:
    'Con trỏ đang ở trong một ô nội dung (content control) của tài liệu: chèn bảng vào đó sẽ làm hỏng ô này. Hãy đặt con trỏ ra ngoài rồi thử lại.',
};

export function cursorPlaceError(place: CursorPlace, action: WordAction = 'insert'): WordGatewayError {
  return new WordGatewayError('cursor-place', CURSOR_PLACE[place], action);
}

const TRACK_CHANGES_MESSAGE =
  'Tài liệu đang bật «Theo dõi thay đổi» (Track Changes): thao tác này phải viết lại cả bảng, Word sẽ giữ các dòng cũ ở dạng «đã xoá» bên cạnh bảng mới. Hãy tắt Theo dõi thay đổi (thẻ Xem lại › Theo dõi thay đổi) hoặc chấp nhận các thay đổi, rồi thử lại. Không có gì bị thay đổi.';

export function trackChangesError(): WordGatewayError {
  return new WordGatewayError('track-changes', TRACK_CHANGES_MESSAGE, 'edit');
}

const NOT_SAVED_MESSAGE =
  'Word báo đã lưu nhưng dữ liệu ctcl chưa có trong tài liệu (thường gặp ở Word trên web). Hãy lưu tài liệu, đóng rồi mở lại, hoặc dùng Word trên máy tính, rồi thử lại.';

export function notSavedError(): WordGatewayError {
  return new WordGatewayError('not-saved', NOT_SAVED_MESSAGE, 'save-store');
}

const STORE_TOO_LARGE_MESSAGE =
  'Dữ liệu ctcl cần lưu trong tài liệu quá lớn (hơn 1 MB): Word trên web không đọc được phần dữ liệu lớn như vậy. Hãy xoá bớt mẫu kế hoạch đã lưu rồi thử lại.';

export function storeTooLargeError(): WordGatewayError {
  return new WordGatewayError('too-large', STORE_TOO_LARGE_MESSAGE, 'save-store');
}
