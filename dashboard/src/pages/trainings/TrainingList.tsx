/**
 * The trainings with their evaluation status and completion, newest first; district
 * organisers create new ones here (with the default questionnaire unless another is chosen).
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { call, client } from '../../api';
import { useAuth } from '../../auth';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber, t } from '../../i18n';
import { useForm } from '../../use-form';
import { useResource } from '../../use-resource';
import { percent, statusLabel } from './data';
import { canOrganise } from './permissions';

function NewTraining({ onCreated, onCancel }: { onCreated: (id: number) => void; onCancel: () => void }) {
  const form = useForm('training', { title: '', startsOn: '', endsOn: '', place: '', organiser: '', formId: '' });
  const forms = useResource(() => call(client.api.trainings.questionnaires.$get()).then((r) => r.items), []);
  async function save(event: Event) {
    event.preventDefault();
    const v = form.values;
    let id = 0;
    const ok = await form.submit(async () => {
      const { training } = await call(
        client.api.trainings.$post({
          json: {
            title: v.title,
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            place: v.place,
            organiser: v.organiser,
            ...(v.formId ? { formId: Number(v.formId) } : {}),
          },
        }),
      );
      id = training.id;
    });
    if (ok) onCreated(id);
  }
  return (
    <section class="panel" aria-labelledby="new-training-title">
      <h2 id="new-training-title">{t('trainings.new')}</h2>
      {form.message ? (
        <Notice tone="error">
          <p>{form.message}</p>
        </Notice>
      ) : null}
      <form onSubmit={save} noValidate>
        <div class="form-grid">
          <TextField {...form.bind('title')} label={t('trainings.field.title')} required />
          <TextField {...form.bind('startsOn')} label={t('trainings.field.startsOn')} hint={t('trainings.dateHint')} required />
          <TextField {...form.bind('endsOn')} label={t('trainings.field.endsOn')} hint={t('trainings.dateHint')} required />
          <TextField {...form.bind('place')} label={t('trainings.field.place')} optional />
          <TextField {...form.bind('organiser')} label={t('trainings.field.organiser')} optional />
          <SelectField
            {...form.bind('formId')}
            label={t('trainings.field.questionnaire')}
            options={[
              { value: '', label: '—' },
              ...(forms.data ?? []).map((f) => ({ value: String(f.id), label: `${f.title}（${f.slug}）` })),
            ]}
            optional
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('trainings.create')}
          </button>
          <button type="button" class="btn btn-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function TrainingListPage() {
  const { user } = useAuth();
  const { route } = useLocation();
  const [creating, setCreating] = useState(false);
  const list = useResource(() => call(client.api.trainings.$get()).then((r) => r.items), []);
  const organiser = canOrganise(user);
  return (
    <>
      <PageHeader title={t('trainings.title')}>
        {organiser && !creating ? (
          <button type="button" class="btn" onClick={() => setCreating(true)}>
            {t('trainings.new')}
          </button>
        ) : null}
      </PageHeader>
      <p class="muted tr-intro">{t('trainings.intro')}</p>
      {creating ? <NewTraining onCreated={(id) => route(`/trainings?id=${id}`)} onCancel={() => setCreating(false)} /> : null}
      {list.error ? (
        <Notice tone="error">
          <p>{list.error.message}</p>
        </Notice>
      ) : null}
      {list.loading && !list.data ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {list.data && list.data.length === 0 ? <p class="empty">{t('trainings.empty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div class="table-wrap cards">
          <table>
            <caption class="visually-hidden">{t('trainings.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trainings.field.title')}</th>
                <th scope="col">{t('trainings.field.startsOn')}</th>
                <th scope="col">{t('trainings.courseCount')}</th>
                <th scope="col">{t('trainings.status')}</th>
                <th scope="col" class="num">
                  {t('trainings.enrolled')}
                </th>
                <th scope="col" class="num">
                  {t('trainings.submitted')}
                </th>
                <th scope="col" class="num">
                  {t('trainings.completion')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.id}>
                  <td class="primary" data-label={t('trainings.field.title')}>
                    <a href={`/trainings?id=${item.id}`}>{item.title}</a>
                  </td>
                  <td data-label={t('trainings.field.startsOn')}>
                    {t('trainings.dates', { start: formatDate(item.startsOn), end: formatDate(item.endsOn) })}
                  </td>
                  <td data-label={t('trainings.courseCount')}>{formatNumber(item.courseCount)}</td>
                  <td data-label={t('trainings.status')}>
                    <span class={`badge tr-status-${item.evaluationStatus}`}>{statusLabel(item.evaluationStatus)}</span>
                  </td>
                  <td class="num" data-label={t('trainings.enrolled')}>
                    {formatNumber(item.enrolled)}
                  </td>
                  <td class="num" data-label={t('trainings.submitted')}>
                    {formatNumber(item.submitted)}
                  </td>
                  <td class="num" data-label={t('trainings.completion')}>
                    {item.enrolled > 0 ? percent(item.submitted / item.enrolled) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
