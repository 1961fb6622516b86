/**
 * Programme and enrolment: the training's details, its courses, its questionnaire (edited in
 * the visual builder, versioned by the Worker), enrolment by level and township, and the QR codes to print.
 */
import { useState } from 'preact/hooks';
import { ApiError, byId, call, client } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatNumber, t } from '../../i18n';
import { lockedTownship } from '../../permissions';
import { useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { FormBuilder } from '../forms/Builder';
import type { Definition } from '../forms/model';
import { COURSE_KINDS, type Course, type CourseKind, kindLabel, one, param, shortDay, type TrainingDetail } from './data';
import { canChase, canOrganise } from './permissions';

interface ViewProps {
  detail: TrainingDetail;
  onChanged: () => void;
}

function TrainingForm({ detail, onSaved }: { detail: TrainingDetail; onSaved: () => void }) {
  const tr = detail.training;
  const form = useForm('tr-edit', {
    title: tr.title,
    startsOn: tr.startsOn,
    endsOn: tr.endsOn,
    place: tr.place,
    organiser: tr.organiser,
  });
  async function save(event: Event) {
    event.preventDefault();
    if (await form.submit(() => call(one.$patch(byId(tr.id, form.values))))) onSaved();
  }
  return (
    <details class="panel tr-details">
      <summary>{t('trainings.edit')}</summary>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <TextField {...form.bind('title')} label={t('trainings.field.title')} />
          <TextField {...form.bind('startsOn')} label={t('trainings.field.startsOn')} hint={t('trainings.dateHint')} />
          <TextField {...form.bind('endsOn')} label={t('trainings.field.endsOn')} hint={t('trainings.dateHint')} />
          <TextField {...form.bind('place')} label={t('trainings.field.place')} optional />
          <TextField {...form.bind('organiser')} label={t('trainings.field.organiser')} optional />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** Arguments of the `/:id/courses/:courseId` routes (the body is validated by the Worker). */
function courseArgs<B>(trainingId: number, courseId: number, json: B) {
  return { param: { id: String(trainingId), courseId: String(courseId) }, json };
}

function CourseForm(props: { trainingId: number; days: string[]; course: Course | null; onDone: () => void }) {
  const c = props.course;
  const form = useForm('course', {
    title: c?.title ?? '',
    lecturer: c?.lecturer ?? '',
    day: c?.day ?? props.days[0] ?? '',
    startsAt: c?.startsAt ?? '',
    kind: c?.kind ?? 'lecture',
  });
  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    const json = { ...v, kind: (COURSE_KINDS.find((k) => k === v.kind) ?? 'lecture') as CourseKind };
    const ok = await form.submit(() =>
      c
        ? call(one.courses[':courseId{[0-9]+}'].$patch(courseArgs(props.trainingId, c.id, json)))
        : call(one.courses.$post(byId(props.trainingId, json))),
    );
    if (ok) props.onDone();
  }
  return (
    <form class="panel" onSubmit={save} noValidate aria-labelledby="course-form-title">
      <h3 id="course-form-title">{c ? t('trainings.course.edit', { name: c.title }) : t('trainings.course.new')}</h3>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <div class="form-grid">
        <TextField {...form.bind('title')} label={t('trainings.course.title')} />
        <TextField {...form.bind('lecturer')} label={t('trainings.course.lecturer')} optional />
        <SelectField
          {...form.bind('day')}
          label={t('trainings.course.day')}
          options={props.days.map((d) => ({ value: d, label: d }))}
        />
        <TextField {...form.bind('startsAt')} label={t('trainings.course.time')} hint={t('trainings.course.timeHint')} optional />
        <SelectField
          {...form.bind('kind')}
          label={t('trainings.course.kind')}
          options={COURSE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function Courses({ detail, onChanged }: ViewProps) {
  const { user } = useAuth();
  const organiser = canOrganise(user);
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = detail.training.id;
  async function remove(course: Course) {
    if (!window.confirm(t('trainings.course.confirmDelete', { name: course.title }))) return;
    setError(null);
    try {
      await call(one.courses[':courseId{[0-9]+}'].$delete({ param: { id: String(id), courseId: String(course.id) } }));
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.unknown'));
    }
  }
  return (
    <section class="tr-section" aria-labelledby="courses-title">
      <div class="tr-section-head">
        <h2 id="courses-title">{t('trainings.course.heading')}</h2>
        {organiser && editing === null ? (
          <button type="button" class="btn btn-secondary btn-small" onClick={() => setEditing('new')}>
            {t('trainings.course.add')}
          </button>
        ) : null}
      </div>
      {error ? (
        <Notice tone="error">
          <p>{error}</p>
        </Notice>
      ) : null}
      {editing !== null ? (
        <CourseForm
          trainingId={id}
          days={detail.days}
          course={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      {detail.courses.length === 0 ? (
        <p class="empty">{t('trainings.course.none')}</p>
      ) : (
        <div class="table-wrap cards">
          <table>
            <caption class="visually-hidden">{t('trainings.course.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainings.course.day')}</th>
                <th scope="col">{t('trainings.course.time')}</th>
                <th scope="col">{t('trainings.course.title')}</th>
                <th scope="col">{t('trainings.course.lecturer')}</th>
                <th scope="col">{t('trainings.course.kind')}</th>
                {organiser ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {detail.courses.map((c) => (
                <tr key={c.id}>
                  <td class="nowrap" data-label={t('trainings.course.day')}>
                    {t('trainings.progress.day', { n: detail.days.indexOf(c.day) + 1 })} · {shortDay(c.day)}
                  </td>
                  <td class="nowrap" data-label={t('trainings.course.time')}>
                    {c.startsAt || '—'}
                  </td>
                  <td class="primary" data-label={t('trainings.course.title')}>
                    {c.title}
                  </td>
                  <td data-label={t('trainings.course.lecturer')}>{c.lecturer || '—'}</td>
                  <td class="nowrap" data-label={t('trainings.course.kind')}>
                    {kindLabel(c.kind)}
                  </td>
                  {organiser ? (
                    <td class="actions">
                      <button
                        type="button"
                        class="btn btn-secondary btn-small"
                        onClick={() => setEditing(c)}
                        aria-label={`${t('common.edit')}：${c.title}`}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        class="btn btn-danger btn-small"
                        onClick={() => remove(c)}
                        aria-label={`${t('trainings.course.delete')}：${c.title}`}
                      >
                        {t('trainings.course.delete')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function QuestionnairePanel({ detail, onChanged }: ViewProps) {
  const { user } = useAuth();
  const id = detail.training.id;
  const q = useResource(
    () => call(one.questionnaire.$get(param(id))),
    [id, detail.questionnaire.version, detail.questionnaire.formId],
  );
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [open, setOpen] = useState(false);
  const data = q.data;
  const current = data?.versions.find((v) => v.version === data.version);

  /** Saves through the questionnaire API; it versions (answered) or edits in place (unanswered). */
  async function save(definition: Definition) {
    setNotice(null);
    const saved = await call(one.questionnaire.$put(byId(id, { definition })));
    setNotice({ tone: 'success', text: t('trainings.q.saved', { version: saved.version }) });
    onChanged();
    q.reload();
  }

  return (
    <section class="tr-section" aria-labelledby="q-title">
      <h2 id="q-title">{t('trainings.q.heading')}</h2>
      <div class="panel">
        <p>
          <strong>
            {t('trainings.q.version', { title: detail.questionnaire.title, version: detail.questionnaire.version })}
          </strong>
        </p>
        {data?.shared ? <p class="muted">{t('trainings.q.shared')}</p> : null}
        {data ? (
          <ul class="tr-plain">
            {data.versions.map((v) => (
              <li key={v.id}>
                {t('trainings.q.versionRow', { version: v.version, responses: v.responses })}
                {v.changes.length > 0 ? (
                  <ul class="tr-changes">
                    {v.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {notice ? (
          <Notice tone={notice.tone}>
            <p>{notice.text}</p>
          </Notice>
        ) : null}
        {canOrganise(user) && data ? (
          <details class="tr-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>{t('trainings.q.edit')}</summary>
            {open ? (
              <FormBuilder
                key={data.versionId}
                initial={data.definition as unknown as Definition}
                storageKey={`lianluo-builder:training-${id}:${data.versionId}`}
                frozen={current ? { responses: current.responses, version: data.version } : undefined}
                onSave={save}
              />
            ) : null}
          </details>
        ) : null}
      </div>
    </section>
  );
}

function Enrolment({ detail, onChanged }: ViewProps) {
  const { user } = useAuth();
  const locked = lockedTownship(user);
  const id = detail.training.id;
  const townships = useResource(() => call(client.api.townships.$get()).then((r) => r.items), []);
  const [level, setLevel] = useState('');
  const [township, setTownship] = useState(locked !== null ? String(locked) : '');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function enrol(event: Event) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const body = {
        ...(level ? { level: level as 'district' | 'township' } : {}),
        ...(township ? { townshipId: Number(township) } : {}),
        ...(!level && !township ? { all: true } : {}),
      };
      const r = await call(one.enrolments.$post(byId(id, body)));
      setNotice({ tone: 'success', text: t('trainings.enrol.done', { added: r.added, already: r.alreadyEnrolled }) });
      onChanged();
    } catch (err) {
      setNotice({ tone: 'error', text: err instanceof ApiError ? err.message : t('error.unknown') });
    } finally {
      setBusy(false);
    }
  }

  const slips = `/api/trainings/${id}/slips${locked !== null ? `?townshipId=${locked}` : ''}`;
  return (
    <section class="tr-section" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('trainings.enrol.heading')}</h2>
      <div class="panel">
        <p>
          {t('trainings.enrol.summary', { enrolled: formatNumber(detail.enrolled), submitted: formatNumber(detail.submitted) })}
        </p>
        {notice ? (
          <Notice tone={notice.tone}>
            <p>{notice.text}</p>
          </Notice>
        ) : null}
        <form class="filters" onSubmit={enrol}>
          <SelectField
            id="enrol-level"
            label={t('trainings.enrol.level')}
            value={level}
            onValue={setLevel}
            options={[
              { value: '', label: t('trainings.enrol.allLevels') },
              { value: 'district', label: t('level.district') },
              { value: 'township', label: t('level.township') },
            ]}
          />
          <SelectField
            id="enrol-township"
            label={t('trainings.enrol.township')}
            value={township}
            onValue={setTownship}
            disabled={locked !== null}
            options={[
              ...(locked === null ? [{ value: '', label: t('trainings.enrol.allTownships') }] : []),
              ...(townships.data ?? []).map((tw) => ({ value: String(tw.id), label: tw.name })),
            ]}
          />
          <div class="form-actions">
            <button type="submit" class="btn" disabled={busy}>
              {busy ? t('common.saving') : t('trainings.enrol.submit')}
            </button>
          </div>
        </form>
        <p class="hint">{t('trainings.enrol.hint')}</p>
      </div>
      <h2 id="print-title">{t('trainings.print.heading')}</h2>
      <div class="panel">
        <p class="form-actions">
          <a class="btn btn-secondary" href={slips} target="_blank" rel="noopener">
            {t('trainings.print.slips')}
          </a>
          <a class="btn btn-secondary" href={`/api/trainings/${id}/slips?part=checkin`} target="_blank" rel="noopener">
            {t('trainings.print.poster')}
          </a>
        </p>
        <p class="hint">{t('trainings.print.hint')}</p>
      </div>
    </section>
  );
}

export function ProgrammeView(props: ViewProps) {
  const { user } = useAuth();
  return (
    <>
      {canOrganise(user) ? <TrainingForm detail={props.detail} onSaved={props.onChanged} /> : null}
      <Courses {...props} />
      <QuestionnairePanel {...props} />
      {canChase(user) ? <Enrolment {...props} /> : null}
    </>
  );
}
