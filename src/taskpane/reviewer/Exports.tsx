/**
 * What the reviewer takes away, built in the browser (by the worker): the workbook (the same sheets as
 * `ctcl check --xlsx`), each school's «Phiếu nhận xét» (.docx, NĐ 30 frame from the Phòng's profile
 * below, kept in this browser) one by one or all in a .zip, and the JSON of `ctcl check --format json`.
 */
import { useId, useMemo, useState } from 'react';
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import type { RunView } from '../../app/review-session';
import { DEFAULT_REVIEWER, schoolsOf, type ReviewerProfile } from '../../domain/review/note';
import { download } from '../download';
import type { ReviewClient } from './client';

const PROFILE_KEY = 'ctcl.reviewer-profile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '900px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'flex-end' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: '8px 16px' },
  failure: { color: tokens.colorPaletteRedForeground1 },
});

function loadProfile(): ReviewerProfile {
  try {
    const saved = JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') as Partial<ReviewerProfile> | null;
    return saved ? { ...DEFAULT_REVIEWER, ...saved } : DEFAULT_REVIEWER;
  } catch {
    return DEFAULT_REVIEWER;
  }
}

const FIELDS: readonly { key: Exclude<keyof ReviewerProfile, 'recipients'>; label: string; hint?: string }[] = [
  { key: 'parentBody', label: 'Cơ quan chủ quản', hint: 'Ví dụ: UBND huyện Yên Thế' },
  { key: 'schoolName', label: 'Tên cơ quan ra phiếu', hint: 'Ví dụ: Phòng Giáo dục và Đào tạo' },
  { key: 'abbreviation', label: 'Chữ viết tắt (số hiệu)', hint: 'Ví dụ: PGDĐT' },
  { key: 'place', label: 'Địa danh', hint: 'Ví dụ: Yên Thế' },
  { key: 'signerTitle', label: 'Chức vụ người ký', hint: 'Ví dụ: TRƯỞNG PHÒNG' },
  { key: 'principal', label: 'Họ và tên người ký' },
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function Exports({ client, run }: { client: ReviewClient; run: RunView }) {
  const styles = useStyles();
  const id = useId();
  const [profile, setProfile] = useState<ReviewerProfile>(loadProfile);
  const schools = useMemo(() => schoolsOf(run), [run]);
  const [school, setSchool] = useState<string>('');
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const chosen = schools.find((s) => s.key === school) ?? schools[0];

  const edit = (key: keyof ReviewerProfile, value: string) => {
    const next = { ...profile, [key]: value };
    setProfile(next);
    try {
      localStorage.setItem(PROFILE_KEY, JSON.stringify(next));
    } catch {
      // Private browsing: the profile lasts for this page only.
    }
  };

  const run1 = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setFailure(undefined);
    try {
      await job();
    } catch (e) {
      setFailure(`Không tạo được tệp: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.root} data-testid="exports">
      <section aria-labelledby={`${id}-wb`}>
        <h3 id={`${id}-wb`} className={styles.heading}>
          Bảng tổng hợp Excel
        </h3>
        <Text block>
          Các trang Tổng hợp, Tiêu chí theo loại trường, Chi tiết và Ghép cặp — như lệnh «ctcl check --xlsx»; in vừa khổ A4 ngang.
        </Text>
        <div className={styles.row}>
          <Button
            icon={<ArrowDownloadRegular />}
            appearance="primary"
            disabled={!!busy}
            onClick={() =>
              void run1('xlsx', async () => {
                const f = await client.request({ type: 'xlsx' });
                download(f.bytes, f.name, XLSX);
              })
            }
            data-testid="export-xlsx"
          >
            Tải bảng tổng hợp (.xlsx)
          </Button>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={!!busy}
            onClick={() =>
              void run1('json', async () => {
                const j = await client.request({ type: 'json' });
                download(JSON.stringify(j, null, 2) + '\n', 'ket-qua-kiem-tra.json', 'application/json');
              })
            }
            data-testid="export-json"
          >
            Tải kết quả JSON
          </Button>
        </div>
      </section>
      <section aria-labelledby={`${id}-note`}>
        <h3 id={`${id}-note`} className={styles.heading}>
          Phiếu nhận xét gửi các trường
        </h3>
        <Text block>
          Mỗi trường một phiếu (.docx, thể thức Nghị định 30/2020/NĐ-CP, khổ A4 dọc), ghi các nội dung cần sửa, cần xem lại và các
          mục trường đã bỏ qua. Phần đầu phiếu lấy từ thông tin dưới đây (được nhớ trong trình duyệt này).
        </Text>
        <div className={styles.grid}>
          {FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint}>
              <Input value={profile[f.key]} onChange={(_, d) => edit(f.key, d.value)} data-field={f.key} />
            </Field>
          ))}
        </div>
        {schools.length ? (
          <div className={styles.row}>
            <Field label="Trường">
              <Select value={chosen?.key ?? ''} onChange={(_, d) => setSchool(d.value)} data-testid="note-school">
                {schools.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.school || s.key}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={!!busy || !chosen}
              onClick={() =>
                void run1('note', async () => {
                  const f = await client.request({ type: 'notes', reviewer: profile, key: chosen!.key });
                  download(f.bytes, f.name, DOCX);
                })
              }
              data-testid="export-note"
            >
              Tải phiếu của trường này (.docx)
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              disabled={!!busy}
              onClick={() =>
                void run1('notes', async () => {
                  const f = await client.request({ type: 'notes', reviewer: profile });
                  download(f.bytes, f.name, 'application/zip');
                })
              }
              data-testid="export-notes"
            >
              Tải phiếu của {schools.length} trường (.zip)
            </Button>
          </div>
        ) : (
          <Text block>Chưa có kế hoạch hay báo cáo nào đọc được để lập phiếu.</Text>
        )}
      </section>
      <div aria-live="polite">
        {busy && <Text>Đang tạo tệp…</Text>}
        {failure && (
          <Text role="alert" className={styles.failure}>
            {failure}
          </Text>
        )}
      </div>
    </div>
  );
}
