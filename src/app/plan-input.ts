/**
 * A plan to compare a report with, read once whatever it is: another .docx with a plan table, or a plan
 * template (.json, «Lưu làm mẫu»). The pane's «Chọn tệp kế hoạch…» and `ctcl check --plan` both use it;
 * every refusal is a UserError saying what is wrong with the file.
 */
import { planFromDocument, type PlanSource } from '../domain/check';
import type { Framework } from '../domain/catalog';
import { UserError } from '../domain/errors';
import type { XmlParser } from '../domain/ooxml/xml';
import { parseTemplate, planSourceFromTemplate } from '../domain/year/templates';
import { openForReading, readFailure } from './open';

export class PlanInputError extends UserError<'template' | 'unreadable' | 'no-plan' | 'empty-plan'> {}

/** The plan in a file, by its name (".json": a template) and bytes. */
export function readPlanInput(name: string, bytes: Uint8Array, parse: XmlParser, framework?: Framework): PlanSource {
  if (/\.json$/i.test(name)) {
    try {
      return planSourceFromTemplate(parseTemplate(new TextDecoder().decode(bytes)));
    } catch (e) {
      throw new PlanInputError(
        'template',
        `Không dùng được mẫu «${name}»: ${e instanceof UserError ? e.message : readFailure(e).message}`,
      );
    }
  }
  let plan: PlanSource | undefined;
  try {
    plan = planFromDocument(openForReading(bytes, parse).model, basename(name), framework);
  } catch (e) {
    throw new PlanInputError('unreadable', `Không đọc được kế hoạch «${name}»: ${readFailure(e).message}`);
  }
  if (!plan) {
    throw new PlanInputError(
      'no-plan',
      `Không tìm thấy bảng kế hoạch trong «${name}»: tệp không có bảng kế hoạch cải tiến chất lượng (không nhận ra tiêu đề các cột), nên không dùng làm kế hoạch đối chiếu được.`,
    );
  }
  if (!plan.items.length) throw new PlanInputError('empty-plan', `Bảng kế hoạch trong «${name}» chưa có tiêu chí nào.`);
  return plan;
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
