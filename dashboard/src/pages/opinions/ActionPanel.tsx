/**
 * The actions this user may take on the opinion, exactly as the API lists them
 * (`allowedActions`), each as a form with the fields the workflow machine requires
 * (`actionFields`) plus the optional ones worth offering. The machine validates; the form
 * shows its answer at the field it names. A stale page gets 409 and reloads.
 */
import { useState } from 'preact/hooks';
import { ApiError, byId, call, client, query } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { type PlainKey, t } from '../../i18n';
import { useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { actionName, MAX_STEP_PHOTOS, type OpinionDetail, ratingName, uploadPhoto } from './data';
import { fillTemplate } from '../../../../worker/departments/template-fill';
import { DepartmentPicker } from '../departments/Picker';
import { DateField, FileField, TextArea } from './fields';

/** Fields not rendered as inputs: photos have their own picker, the handler account is an admin matter. */
const HIDDEN = new Set(['photoIds', 'handlerUserId']);
/** Order of fields in every form: what the action is about first, the words for people last. */
const ORDER = [
  'deputyId',
  'findings',
  'leadDepartmentId',
  'departmentIds',
  'departmentId',
  'deadline',
  'reason',
  'mergeTarget',
  'transferTo',
  'rating',
  'ratingComment',
  'publicReply',
  'internalNote',
];
const LABELS: Record<string, PlainKey> = {
  deputyId: 'opinions.field.deputyId',
  findings: 'opinions.field.findings',
  leadDepartmentId: 'opinions.field.leadDepartment',
  departmentIds: 'opinions.field.departments',
  departmentId: 'dept.pick.one',
  deadline: 'opinions.field.deadline',
  reason: 'opinions.field.reason',
  mergeTarget: 'opinions.field.mergeTarget',
  transferTo: 'opinions.field.transferTo',
  rating: 'opinions.field.rating',
  ratingComment: 'opinions.field.ratingComment',
  publicReply: 'opinions.field.publicReply',
  internalNote: 'opinions.field.internalNote',
};
const HINTS: Partial<Record<string, PlainKey>> = {
  deadline: 'opinions.hint.deadline',
  reason: 'opinions.hint.reason',
  mergeTarget: 'opinions.hint.mergeTarget',
  publicReply: 'opinions.hint.publicReply',
  internalNote: 'opinions.hint.internalNote',
};

type Values = Record<string, string>;

/** Today in China time, 'YYYY-MM-DD' (deadlines cannot be earlier). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Turns the form's strings into the payload the machine reads. */
async function payloadOf(values: Values, fields: readonly string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (values[f] ?? '').trim();
    if (v === '') continue;
    if (f === 'deputyId' || f === 'leadDepartmentId' || f === 'departmentId') out[f] = Number(v);
    else if (f === 'departmentIds') out[f] = v.split(',').filter(Boolean).map(Number);
    else if (f === 'mergeTarget') out[f] = /^\d+$/.test(v) ? Number(v) : await idOfCode(v);
    else out[f] = v;
  }
  return out;
}

/** A tracking code typed by staff, looked up in their own list (the API searches codes exactly). */
async function idOfCode(code: string): Promise<number | string> {
  const found = await call(client.api.opinions.$get(query({ q: code.replace(/[\s-]/g, '').toUpperCase(), pageSize: 1 })));
  return found.items[0]?.id ?? code;
}

interface FormProps {
  action: string;
  detail: OpinionDetail;
  onDone: (next: OpinionDetail, action: string) => void;
  onCancel: () => void;
  onConflict: () => void;
}

function ActionForm({ action, detail, onDone, onCancel, onConflict }: FormProps) {
  const spec = detail.actionFields[action as keyof typeof detail.actionFields] ?? { requires: [], optional: [] };
  const required = new Set(spec.requires.flatMap((r) => (r === 'replyOrNote' ? [] : [r])));
  // 'replyOrNote' actions list both texts as optional too, so every field is in one of the two lists.
  const fields = ORDER.filter((f) => !HIDDEN.has(f) && (required.has(f) || spec.optional.includes(f)));
  // 受理 offers the deputy the resident chose through their 代表码 (or who took the opinion down); staff may pick another.
  const offered = detail.intake?.recipientDeputyId ? String(detail.intake.recipientDeputyId) : '';
  const form = useForm<Values>(`act-${action}`, Object.fromEntries(fields.map((f) => [f, f === 'deputyId' ? offered : ''])));
  const takesPhotos = spec.optional.includes('photoIds');
  const [files, setFiles] = useState<File[]>([]);
  const o = detail.opinion;
  const departments = useResource(
    () =>
      fields.includes('leadDepartmentId')
        ? call(client.api.departments.$get(query({ active: 'true' }))).then((r) => r.items)
        : Promise.resolve([]),
    [action],
  );
  const purpose = templatePurpose(action);
  const templates = useResource(
    () =>
      purpose && canReadTemplates(detail)
        ? call(client.api['reply-templates'].$get(query({ purpose }))).then((r) => r.items)
        : Promise.resolve([]),
    [action],
  );
  const deputies = useResource(
    () =>
      fields.includes('deputyId')
        ? call(client.api.deputies.$get(query({ townshipId: o.townshipId, active: 'true', pageSize: 200 }))).then((r) => r.items)
        : Promise.resolve([]),
    [action],
  );

  async function submit(event: Event) {
    event.preventDefault();
    let conflict = false;
    const ok = await form.submit(async () => {
      try {
        const payload = await payloadOf(form.values, fields);
        if (files.length > MAX_STEP_PHOTOS)
          throw new ApiError(422, 'too_many_photos', t('opinions.tooManyPhotos', { max: MAX_STEP_PHOTOS }));
        // Photos go up first (each its own request, so a slow line fails one, not all); the action then links them.
        if (files.length) payload.photoIds = await Promise.all(files.map((f) => uploadPhoto(o.id, f)));
        const next = await call(
          client.api.opinions[':id{[0-9]+}'].actions.$post(byId(o.id, { action, payload, revision: o.revision })),
        );
        onDone(next as OpinionDetail, action);
      } catch (err) {
        conflict = (err as ApiError).status === 409 && (err as ApiError).code === 'conflict';
        throw err;
      }
    });
    if (!ok && conflict) onConflict();
  }

  /** Fills a picked template into the text box it is for, placeholders and all. */
  function useTemplate(field: string, id: string) {
    const tpl = (templates.data ?? []).find((x) => String(x.id) === id);
    if (!tpl) return;
    const lead = detail.handling.assignments.find(
      (a) => a.role === 'lead' && a.status !== 'withdrawn' && a.status !== 'returned',
    );
    form.bind(field).onValue(
      fillTemplate(tpl.body, {
        department: lead?.departmentName ?? o.leadDepartment ?? null,
        deadline: form.values.deadline || o.dueOn,
        trackingCode: o.trackingCode,
        township: o.townshipName,
      }),
    );
  }
  const templateTarget = action === 'send_back' || action === 'request_extension' ? 'reason' : 'publicReply';

  const labelOf = (f: string) => t(LABELS[f] ?? 'opinions.field.internalNote');
  const hintOf = (f: string) => (HINTS[f] ? t(HINTS[f]!) : undefined);
  const common = (f: string) => ({ ...form.bind(f), label: labelOf(f), hint: hintOf(f), optional: !required.has(f) });

  return (
    <form class="action-form" onSubmit={submit} noValidate aria-labelledby={`act-${action}-title`}>
      <h3 id={`act-${action}-title`}>{actionName(action)}</h3>
      {spec.requires.includes('replyOrNote') ? <p class="hint">{t('opinions.hint.replyOrNote')}</p> : null}
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      {fields.map((f) => {
        const picker =
          f === templateTarget && (templates.data ?? []).length > 0 ? (
            <SelectField
              key={`${f}-tpl`}
              id={`act-${action}-${f}-template`}
              label={t('templates.pick')}
              optional
              value=""
              onValue={(v) => useTemplate(f, v)}
              options={[
                { value: '', label: t('templates.none') },
                ...(templates.data ?? []).map((x) => ({ value: String(x.id), label: x.title })),
              ]}
            />
          ) : null;
        switch (f) {
          case 'departmentIds':
            return null;
          case 'leadDepartmentId':
            return (
              <DepartmentPicker
                key={f}
                id={`act-${action}-dept`}
                departments={departments.data ?? []}
                lead={form.values.leadDepartmentId ?? ''}
                onLead={form.bind('leadDepartmentId').onValue}
                co={(form.values.departmentIds ?? '').split(',').filter(Boolean)}
                onCo={(v) => form.bind('departmentIds').onValue(v.join(','))}
                leadError={form.bind('leadDepartmentId').error}
                coError={form.bind('departmentIds').error}
                withCo={fields.includes('departmentIds')}
              />
            );
          case 'departmentId':
            return (
              <SelectField
                key={f}
                {...common(f)}
                options={[
                  { value: '', label: t('opinions.choose') },
                  ...detail.handling.assignments
                    .filter((a) => a.status === 'assigned' || a.status === 'signed' || a.status === 'answered')
                    .map((a) => ({ value: String(a.departmentId), label: a.departmentName })),
                ]}
              />
            );
          case 'deputyId':
            return (
              <SelectField
                key={f}
                {...common(f)}
                options={[
                  { value: '', label: t('opinions.choose') },
                  ...(deputies.data ?? []).map((d) => ({
                    value: String(d.id),
                    label: d.stationName ? `${d.name}（${d.stationName}）` : d.name,
                  })),
                ]}
              />
            );
          case 'rating':
            return (
              <SelectField
                key={f}
                {...common(f)}
                options={[
                  { value: '', label: t('opinions.choose') },
                  ...['satisfied', 'basically_satisfied', 'dissatisfied'].map((r) => ({ value: r, label: ratingName(r) })),
                ]}
              />
            );
          case 'mergeTarget':
            return detail.duplicates.length > 0 ? (
              <SelectField
                key={f}
                {...common(f)}
                options={[
                  { value: '', label: t('opinions.choose') },
                  ...detail.duplicates.map((d) => ({
                    value: String(d.id),
                    label: `${d.trackingCode} · ${d.excerpt.slice(0, 24)}`,
                  })),
                ]}
              />
            ) : (
              <TextField key={f} {...common(f)} autoComplete="off" maxLength={20} />
            );
          case 'deadline':
            return <DateField key={f} {...common(f)} min={chinaToday()} />;
          case 'transferTo':
            return <TextField key={f} {...common(f)} maxLength={100} autoComplete="off" />;
          default:
            return (
              <>
                {picker}
                <TextArea key={f} {...common(f)} rows={f === 'internalNote' ? 2 : 3} maxLength={2000} />
              </>
            );
        }
      })}
      {takesPhotos ? (
        <FileField
          id={`act-${action}-photos`}
          label={t('opinions.field.photos')}
          hint={t('opinions.hint.photos', { max: MAX_STEP_PHOTOS })}
          error={form.bind('photoIds').error}
          optional
          accept="image/jpeg,image/png,image/webp"
          multiple
          onFiles={setFiles}
        />
      ) : null}
      <div class="form-actions">
        <button type="submit" class="btn" disabled={form.busy}>
          {t(form.busy ? 'opinions.submitting' : 'opinions.submit')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Which 常用语 a form offers, by what its main text box is for. */
function templatePurpose(action: string): 'reply' | 'answer' | 'progress' | 'return' | 'extension' | null {
  if (action === 'send_back') return 'return';
  if (action === 'request_extension') return 'extension';
  if (action === 'submit_answer' || action === 'accept_answer') return 'answer';
  if (action === 'progress') return 'progress';
  if (['accept', 'deliberate', 'resolve', 'uphold', 'reject'].includes(action)) return 'reply';
  return null;
}

/** Leaders never act, so they never get here; everyone else who acts may read templates. */
function canReadTemplates(detail: OpinionDetail): boolean {
  return detail.allowedActions.length > 0;
}

interface PanelProps {
  detail: OpinionDetail;
  onChanged: (next: OpinionDetail, action: string) => void;
  onConflict: () => void;
}

/** The actions that move an opinion along its four steps; the rest are side roads and housekeeping. */
const MAIN_PATH = new Set(['accept', 'record_visit', 'deliberate', 'start_handling', 'resolve', 'rate', 'reopen']);

/** One button per allowed action; the chosen one opens its form. */
export function ActionPanel({ detail, onChanged, onConflict }: PanelProps) {
  const [open, setOpen] = useState<string | null>(null);
  const actions = detail.allowedActions;
  return (
    <section class="panel action-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('opinions.actions')}</h2>
      {open === null ? (
        <div class="action-buttons">
          {actions.map((a) => (
            <button key={a} type="button" class={MAIN_PATH.has(a) ? 'btn' : 'btn btn-secondary'} onClick={() => setOpen(a)}>
              {actionName(a)}
            </button>
          ))}
        </div>
      ) : (
        <ActionForm
          key={`${open}-${detail.opinion.revision}`}
          action={open}
          detail={detail}
          onDone={(next, a) => {
            setOpen(null);
            onChanged(next, a);
          }}
          onCancel={() => setOpen(null)}
          onConflict={() => {
            setOpen(null);
            onConflict();
          }}
        />
      )}
    </section>
  );
}
