/**
 * "Thông tin trường, phần đầu và phần ký": the school profile (entered once; kept in this browser and
 * in the document, the document's copy first) and the official frame of Nghị định 30/2020 — the
 * header block with the title at the top of the document, and the signature block with "Nơi nhận" at its
 * end (or both at the cursor, when asked). Each is one insertion (Word: one sync at the top or end).
 */
import { useEffect, useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Spinner, Text, Textarea } from '@fluentui/react-components';
import { SaveRegular, TextHeader1Regular, SignatureRegular } from '@fluentui/react-icons';
import { currentSchoolYear } from '../../domain/catalog';
import type { DocumentKind } from '../../domain/forms';
import { headerBlock, officialTitle, signatureBlock } from '../../domain/documents/official-frame';
import { paragraph } from '../../domain/ooxml/writer';
import { missingProfileFields, signsForHead, type SchoolProfile } from '../../domain/profile';
import type { YearViewProps } from './YearPanel';
import { today } from '../../app/year';
import { dayFromInput, dayToInput, errorText, parseRecipients, profileReady, schoolYearOf } from './model';
import { NoticeBar, useYearStyles, type Notice } from './ui';

interface Draft {
  schoolName: string;
  parentBody: string;
  place: string;
  abbreviation: string;
  principal: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
}

function draftOf(p: SchoolProfile): Draft {
  return { ...p, signerName: p.signerName ?? '', recipients: p.recipients.join('\n') };
}

function profileOf(d: Draft): SchoolProfile {
  return {
    schoolName: d.schoolName.trim(),
    parentBody: d.parentBody.trim(),
    place: d.place.trim(),
    abbreviation: d.abbreviation.trim().toUpperCase(),
    principal: d.principal.trim(),
    signerTitle: d.signerTitle.trim() || 'HIỆU TRƯỞNG',
    ...(d.signerName.trim() ? { signerName: d.signerName.trim() } : {}),
    recipients: parseRecipients(d.recipients),
  };
}

const SOURCE_TEXT = {
  document: 'Thông tin lấy từ tài liệu này.',
  user: 'Thông tin lấy từ lần nhập trước trên máy này.',
  none: 'Nhập một lần; thông tin được lưu trên máy này và trong tài liệu.',
  loading: 'Đang đọc thông tin trường…',
} as const;

export function ProfileFrame({ backend, blocked, doc, profile }: YearViewProps) {
  const styles = useYearStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile.profile));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Notice>();
  // The stored profile replaces the form when it arrives (or the document changes).
  useEffect(() => setDraft(draftOf(profile.profile)), [profile.profile]);

  const meta = doc.result?.meta;
  const [kind, setKind] = useState<DocumentKind>('plan');
  const [year, setYear] = useState(() => currentSchoolYear());
  const [date, setDate] = useState(() => dayToInput(today()));
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState<'header' | 'signature'>();
  /** The header at the top and the signature at the end of the document (default), or both at the cursor. */
  const [place, setPlace] = useState<'ends' | 'cursor'>('ends');
  const [notice, setNotice] = useState<Notice>();
  const foundKind = meta?.documentKind === 'report' ? 'report' : meta?.documentKind === 'plan' ? 'plan' : undefined;
  const foundYear = meta?.schoolYear;
  useEffect(() => {
    if (foundKind) setKind(foundKind);
    if (foundYear) setYear(foundYear);
  }, [foundKind, foundYear]);

  const current = profileOf(draft);
  const missing = missingProfileFields(current);
  const set = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(undefined);
  };
  const error = (label: string): string | undefined =>
    tried && missing.includes(label) ? `Hãy nhập ${label.toLowerCase()}.` : undefined;

  const save = async (): Promise<void> => {
    setTried(true);
    if (!backend || missing.length) return;
    setSaving(true);
    try {
      await profile.save(current);
      setSaved({
        intent: 'success',
        title: 'Đã lưu thông tin trường.',
        text: 'Thông tin được giữ trên máy này và trong tài liệu.',
      });
    } catch (e) {
      setSaved({
        intent: 'error',
        title: 'Chưa lưu được vào tài liệu.',
        text: `${errorText(e)} Thông tin vẫn được giữ trên máy này.`,
      });
    } finally {
      setSaving(false);
    }
  };

  const schoolYear = schoolYearOf(year);
  const day = dayFromInput(date);
  const saved0 = profileReady(profile.profile) ? profile.profile : undefined;
  const usable = profileReady(current) ? current : saved0;

  const insert = async (what: 'header' | 'signature'): Promise<void> => {
    setTried(true);
    if (!backend || !usable) return;
    setBusy(what);
    setNotice(undefined);
    try {
      if (what === 'header') {
        if (!schoolYear || !day) return;
        const opts = { kind, schoolYear, date: day, number: number.trim() || undefined };
        const blocks = [headerBlock(usable, opts), ...officialTitle(opts)];
        if (place === 'cursor') await backend.insertAtCursor(blocks);
        else await backend.insertAt('start', blocks);
        setNotice({
          intent: 'success',
          title: 'Đã chèn phần đầu văn bản.',
          text: `Tên cơ quan, Quốc hiệu, Tiêu ngữ, số, địa danh và ngày tháng, tên loại và trích yếu đã nằm ở ${
            place === 'cursor' ? 'vị trí con trỏ' : 'đầu tài liệu'
          }.`,
        });
      } else {
        const blocks = [paragraph(''), signatureBlock(usable)];
        if (place === 'cursor') await backend.insertAtCursor(blocks);
        else await backend.insertAt('end', blocks);
        setNotice({
          intent: 'success',
          title: 'Đã chèn phần ký.',
          text: `Chức vụ, họ tên người ký và «Nơi nhận» đã nằm ở ${place === 'cursor' ? 'vị trí con trỏ' : 'cuối tài liệu'}.`,
        });
      }
    } catch (e) {
      setNotice({ intent: 'error', title: 'Chưa chèn được.', text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={styles.view}>
      <h3 className={styles.heading}>Thông tin trường</h3>
      <Text className={styles.note}>{SOURCE_TEXT[profile.source]}</Text>
      {profile.problem && <Text className={styles.note}>{profile.problem}</Text>}
      <Field label="Tên trường" required validationMessage={error('Tên trường')} hint="Ví dụ: Trường Tiểu học Kim Đồng">
        <Input className={styles.control} value={draft.schoolName} onChange={(_, v) => set({ schoolName: v.value })} />
      </Field>
      <Field label="Cơ quan chủ quản" hint="Ví dụ: UBND phường Ba Đình hoặc Sở GDĐT Hà Nội">
        <Input className={styles.control} value={draft.parentBody} onChange={(_, v) => set({ parentBody: v.value })} />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Địa danh"
          required
          validationMessage={error('Địa danh')}
          hint="Ghi ở dòng ngày tháng"
        >
          <Input className={styles.control} value={draft.place} onChange={(_, v) => set({ place: v.value })} />
        </Field>
        <Field className={styles.grow} label="Ký hiệu viết tắt" hint="Ví dụ: THKĐ">
          <Input
            className={styles.control}
            value={draft.abbreviation}
            onChange={(_, v) => set({ abbreviation: v.value })}
            maxLength={20}
          />
        </Field>
      </div>
      <Field label="Hiệu trưởng (họ và tên)">
        <Input className={styles.control} value={draft.principal} onChange={(_, v) => set({ principal: v.value })} />
      </Field>
      <Field label="Chức vụ người ký" hint="Ký thay: KT. HIỆU TRƯỞNG, xuống dòng, PHÓ HIỆU TRƯỞNG">
        <Textarea value={draft.signerTitle} onChange={(_, v) => set({ signerTitle: v.value })} rows={2} resize="vertical" />
      </Field>
      <Field
        label="Người ký (họ và tên)"
        hint={
          signsForHead(draft.signerTitle)
            ? 'Người ký thay Hiệu trưởng, ví dụ Phó Hiệu trưởng; in dưới chữ ký.'
            : 'Để trống khi Hiệu trưởng ký.'
        }
      >
        <Input className={styles.control} value={draft.signerName} onChange={(_, v) => set({ signerName: v.value })} />
      </Field>
      <Field label="Nơi nhận" hint="Mỗi nơi một dòng">
        <Textarea value={draft.recipients} onChange={(_, v) => set({ recipients: v.value })} rows={3} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button
          icon={saving ? <Spinner size="tiny" /> : <SaveRegular />}
          disabled={!backend || saving}
          onClick={() => void save()}
        >
          Lưu thông tin trường
        </Button>
      </div>
      <NoticeBar notice={saved} onDismiss={() => setSaved(undefined)} />

      <div className={styles.section}>
        <h3 className={styles.heading}>Phần đầu và phần ký (Nghị định 30/2020)</h3>
        <Field label="Loại văn bản">
          <RadioGroup layout="horizontal" value={kind} onChange={(_, v) => setKind(v.value as DocumentKind)}>
            <Radio value="plan" label="Kế hoạch" />
            <Radio value="report" label="Báo cáo" />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label="Năm học"
            validationState={schoolYear ? 'none' : 'error'}
            validationMessage={schoolYear ? undefined : 'Viết năm học như 2025-2026.'}
          >
            <Input className={styles.control} value={year} onChange={(_, v) => setYear(v.value)} maxLength={20} />
          </Field>
          <Field className={styles.grow} label="Ngày ban hành">
            <Input className={styles.control} type="date" value={date} onChange={(_, v) => setDate(v.value)} />
          </Field>
        </div>
        <Field label="Số văn bản" hint="Để trống nếu văn thư ghi số sau">
          <Input className={styles.control} value={number} onChange={(_, v) => setNumber(v.value)} maxLength={12} />
        </Field>
        <Field label="Vị trí chèn">
          <RadioGroup value={place} onChange={(_, v) => setPlace(v.value === 'cursor' ? 'cursor' : 'ends')}>
            <Radio value="ends" label="Phần đầu ở đầu tài liệu, phần ký ở cuối tài liệu" />
            <Radio value="cursor" label="Tại con trỏ" />
          </RadioGroup>
        </Field>
        {!usable && <Text className={styles.note}>Hãy nhập tên trường và địa danh ở trên để chèn phần đầu và phần ký.</Text>}
        <div className={styles.actions}>
          <Button
            icon={busy === 'header' ? <Spinner size="tiny" /> : <TextHeader1Regular />}
            disabled={!backend || !!blocked || !usable || !schoolYear || !day || !!busy}
            onClick={() => void insert('header')}
          >
            Chèn phần đầu văn bản
          </Button>
          <Button
            icon={busy === 'signature' ? <Spinner size="tiny" /> : <SignatureRegular />}
            disabled={!backend || !!blocked || !usable || !!busy}
            onClick={() => void insert('signature')}
          >
            Chèn phần ký
          </Button>
        </div>
        <NoticeBar notice={notice} onDismiss={() => setNotice(undefined)} />
      </div>
    </div>
  );
}
