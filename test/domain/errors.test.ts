import { UserError } from '../../src/domain/errors';
import { CatalogError, frameworkForYear } from '../../src/domain/catalog';
import { TemplateError } from '../../src/domain/year/templates';
import { YearError } from '../../src/domain/year';
import { DocumentStructureError } from '../../src/domain/ooxml/reader';
import { XmlSecurityError, XmlSyntaxError } from '../../src/domain/ooxml/xml';
import { PackageReferenceError } from '../../src/domain/ooxml/flat-opc';
import { TableNotFoundError } from '../../src/domain/backend';
import { PlacementError } from '../../src/domain/table/model';
import { NewDocumentError } from '../../src/domain/documents/new-document';
import { DocxError } from '../../src/docx/package';
import { CliError } from '../../src/cli/context';
import { WordGatewayError } from '../../src/word/errors';
import { errorText, UNEXPECTED_ERROR } from '../../src/taskpane/error-text';
import { invalidYearMessage } from '../../src/domain/vocabulary';

describe('UserError', () => {
  const made: [string, UserError][] = [
    ['CatalogError', new CatalogError('x')],
    ['TemplateError', new TemplateError('x')],
    ['YearError', new YearError('x')],
    ['DocumentStructureError', new DocumentStructureError('x')],
    ['XmlSecurityError', new XmlSecurityError('x')],
    ['XmlSyntaxError', new XmlSyntaxError('x')],
    ['PackageReferenceError', new PackageReferenceError('x')],
    ['TableNotFoundError', new TableNotFoundError()],
    ['PlacementError', new PlacementError('x')],
    ['NewDocumentError', new NewDocumentError('x')],
    ['DocxError', new DocxError('corrupt', 'x')],
    ['CliError', new CliError('x')],
    ['WordGatewayError', new WordGatewayError('failed', 'x', 'edit')],
  ];

  test.each(made)('%s is a UserError with a code and a message', (name, e) => {
    expect(e).toBeInstanceOf(UserError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.code).toMatch(/^[a-z-]+$/);
    expect(e.message.length).toBeGreaterThan(0);
  });

  test('the year message is the same wherever a year is refused', () => {
    expect(() => frameworkForYear('2025')).toThrow(invalidYearMessage('2025'));
    expect(invalidYearMessage('2025', '--year')).toBe(
      'Năm học không hợp lệ ở --year: «2025». Viết theo dạng 2025-2026 (hai năm liền nhau).',
    );
  });
});

describe('errorText (the pane)', () => {
  test('a UserError shows its message', () => {
    expect(errorText(new PlacementError('Không có Tiêu chuẩn 9.'))).toBe('Không có Tiêu chuẩn 9.');
  });

  test('anything else is logged and shown as a plain Vietnamese sentence', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const bug = new TypeError("Cannot read properties of undefined (reading 'rows')");
      expect(errorText(bug)).toBe(UNEXPECTED_ERROR);
      expect(errorText('boom', 'Không mở được tệp.')).toBe('Không mở được tệp.');
      expect(log).toHaveBeenCalledWith(bug);
    } finally {
      log.mockRestore();
    }
  });
});
