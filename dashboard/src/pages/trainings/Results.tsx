/**
 * The results of a training's evaluation: answers, overall satisfaction and recommendation
 * score; per course and per lecturer the mean and distribution of each aspect; every other
 * question; the written answers; and the XLSX export with its codebook. The Worker releases
 * answers in batches of k per township (worker/evaluations/release.ts) and withholds small or
 * complementary groups; the page states the rule, how many answers wait, and when results
 * last changed, and says why a group is withheld instead of showing zeros.
 */
import { useMemo, useState } from 'preact/hooks';
import { call, query } from '../../api';
import { SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { useResource } from '../../use-resource';
import { CourseChart } from './CourseChart';
import { one, param, type QuestionResult, type Report, score } from './data';

type Block = Extract<QuestionResult, { type: 'course_block' }>;

function share(count: number, n: number): string {
  return n > 0 ? `${Math.round((count / n) * 100)}%` : '—';
}

function Headline({ report }: { report: Report }) {
  const nps = report.headline.nps?.score;
  return (
    <div class="tr-cards">
      <div class="tr-card">
        <span class="tr-card-label">{t('trainings.results.n')}</span>
        <span class="tr-card-value" data-testid="results-n">
          {formatNumber(report.n)}
        </span>
      </div>
      <div class="tr-card">
        <span class="tr-card-label">{t('trainings.results.overall')}</span>
        <span class="tr-card-value">{score(report.headline.overall?.mean)}</span>
        <span class="tr-card-hint">{t('trainings.results.outOf5', { mean: score(report.headline.overall?.mean) })}</span>
      </div>
      <div class="tr-card">
        <span class="tr-card-label">{t('trainings.results.nps')}</span>
        <span class="tr-card-value">{nps === null || nps === undefined ? '—' : formatNumber(nps)}</span>
        <span class="tr-card-hint">{t('trainings.results.npsHint')}</span>
      </div>
    </div>
  );
}

function Distribution({ rows, n, caption }: { rows: readonly { label: string; count: number }[]; n: number; caption: string }) {
  return (
    <table class="tr-dist">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('trainings.results.answer')}</th>
          <th scope="col" class="num">
            {t('trainings.results.count')}
          </th>
          <th scope="col">{t('trainings.results.share')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td class="num">{formatNumber(r.count)}</td>
            <td>
              <span class="tr-rate">
                <span class="tr-rate-text">{share(r.count, n)}</span>
                <span class="tr-rate-bar" aria-hidden="true">
                  <span style={{ width: share(r.count, n) === '—' ? '0%' : share(r.count, n) }} />
                </span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Courses({ block }: { block: Block }) {
  const bars = useMemo(() => block.courses.map((c) => ({ label: c.title, mean: c.mean })), [block]);
  return (
    <section class="tr-section" aria-labelledby="rc-title">
      <h2 id="rc-title">{t('trainings.results.courses')}</h2>
      <div class="table-wrap cards">
        <table class="tr-courses">
          <caption class="visually-hidden">{t('trainings.results.courses')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trainings.results.course')}</th>
              <th scope="col">{t('trainings.results.lecturer')}</th>
              <th scope="col" class="num">
                {t('trainings.results.raters')}
              </th>
              {block.aspects.map((a) => (
                <th key={a.code} scope="col" class="num">
                  {a.label}
                </th>
              ))}
              <th scope="col" class="num">
                {t('trainings.results.mean')}
              </th>
            </tr>
          </thead>
          <tbody>
            {block.courses.map((c) => (
              <tr key={c.courseId}>
                <td class="primary" data-label={t('trainings.results.course')}>
                  {c.title}
                </td>
                <td data-label={t('trainings.results.lecturer')}>{c.lecturer || '—'}</td>
                <td class="num" data-label={t('trainings.results.raters')}>
                  {formatNumber(c.n)}
                  {c.absent > 0 ? <span class="muted"> {t('forms.results.absent', { n: formatNumber(c.absent) })}</span> : null}
                </td>
                {c.aspects.map((a) => (
                  <td key={a.code} class="num" data-label={a.label}>
                    {score(a.mean)}
                  </td>
                ))}
                <td class="num" data-label={t('trainings.results.mean')}>
                  <strong>{score(c.mean)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CourseChart bars={bars} />
      {block.courses.map((c) => (
        <details key={c.courseId} class="tr-details panel">
          <summary>
            {c.title}
            {c.comments.length > 0 ? ` · ${t('trainings.results.comments')} ${formatNumber(c.comments.length)}` : ''}
          </summary>
          <div class="tr-dist-grid">
            {c.aspects.map((a) => (
              <Distribution key={a.code} caption={`${a.label}（${score(a.mean)}）`} rows={a.distribution} n={a.n} />
            ))}
          </div>
          {c.comments.length > 0 ? (
            <>
              <h3>{t('trainings.results.comments')}</h3>
              <ul class="tr-quotes">
                {c.comments.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            </>
          ) : null}
        </details>
      ))}
      {block.lecturers.length > 0 ? (
        <>
          <h2>{t('trainings.results.lecturers')}</h2>
          <div class="table-wrap cards">
            <table>
              <caption class="visually-hidden">{t('trainings.results.lecturers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trainings.results.lecturer')}</th>
                  <th scope="col">{t('trainings.results.lecturerCourses')}</th>
                  {block.aspects.map((a) => (
                    <th key={a.code} scope="col" class="num">
                      {a.label}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t('trainings.results.mean')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {block.lecturers.map((l) => (
                  <tr key={l.lecturer}>
                    <td class="primary" data-label={t('trainings.results.lecturer')}>
                      {l.lecturer}
                    </td>
                    <td data-label={t('trainings.results.lecturerCourses')}>{l.courses.join('；')}</td>
                    {l.aspects.map((a) => (
                      <td key={a.code} class="num" data-label={a.label}>
                        {score(a.mean)}
                      </td>
                    ))}
                    <td class="num" data-label={t('trainings.results.mean')}>
                      <strong>{score(l.mean)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Question({ q }: { q: QuestionResult }) {
  switch (q.type) {
    case 'scale5':
    case 'nps':
      return (
        <div class="panel">
          <h3>{q.label}</h3>
          <p class="muted">
            {t('trainings.results.mean')}：{score(q.mean)}
            {q.type === 'nps' ? ` · ${t('trainings.results.nps')}：${q.score === null ? '—' : formatNumber(q.score)}` : ''}
          </p>
          <Distribution caption={q.label} rows={q.distribution} n={q.n} />
        </div>
      );
    case 'choice':
    case 'multi':
      return (
        <div class="panel">
          <h3>{q.label}</h3>
          <Distribution caption={q.label} rows={q.options} n={q.n} />
        </div>
      );
    case 'text':
    case 'textarea':
      return (
        <div class="panel">
          <h3>
            {q.label}（{formatNumber(q.answers.length)}）
          </h3>
          {q.answers.length === 0 ? (
            <p class="muted">{t('trainings.results.noText')}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to be scrolled.
            <ul class="tr-quotes tr-scroll" tabIndex={0} aria-label={q.label}>
              {q.answers.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'course_block':
      return null;
  }
}

export function ResultsView({ trainingId }: { trainingId: number }) {
  const [township, setTownship] = useState('');
  const results = useResource(
    () => call(one.results.$get({ ...param(trainingId), ...query({ townshipId: township }) })),
    [trainingId, township],
  );
  const data = results.data;
  const report = data?.report ?? null;
  const block = report?.questions.find((q): q is Block => q.type === 'course_block');
  const others = report?.questions.filter((q) => q.type !== 'course_block' && q.type !== 'text' && q.type !== 'textarea') ?? [];
  const texts = report?.questions.filter((q) => q.type === 'text' || q.type === 'textarea') ?? [];
  const min = data?.minimum ?? 5;
  const release = data?.release;
  return (
    <>
      <p class="muted tr-release-rule">{t('trainings.release.rule', { min })}</p>
      {release ? (
        <p class="tr-release-status" data-testid="release-status">
          <span>{t('trainings.release.status', { released: data?.n ?? 0, pending: release.pending })}</span>
          {release.lastReleasedAt !== null ? (
            <span class="muted">{t('trainings.release.last', { at: formatDateTime(release.lastReleasedAt) })}</span>
          ) : data?.n ? null : (
            // Answers stored before batching have no release time; say "not yet" only when there is nothing.
            <span class="muted">{t('trainings.release.never')}</span>
          )}
        </p>
      ) : null}
      <div class="filters tr-filter">
        <SelectField
          id="results-township"
          label={t('trainings.results.scope')}
          value={township}
          onValue={setTownship}
          options={[
            { value: '', label: t('trainings.results.all') },
            ...(data?.townships ?? []).map((x) => ({ value: String(x.townshipId), label: x.name })),
          ]}
        />
        <div class="form-actions">
          <a class="btn btn-secondary" href={`/api/trainings/${trainingId}/results/export`} download>
            {t('trainings.results.export')}
          </a>
        </div>
      </div>
      {results.error ? (
        <Notice tone="error">
          <p>{results.error.message}</p>
        </Notice>
      ) : null}
      {results.loading && !data ? <p class="loading">{t('common.loading')}</p> : null}
      {data?.withheld ? (
        <Notice tone="info">
          <p>{t('trainings.results.withheld', { min })}</p>
        </Notice>
      ) : null}
      {release && release.evaluationStatus === 'closed' && release.pending > 0 && township === '' ? (
        <Notice tone="info">
          <p>{t('trainings.release.leftOver', { n: release.pending, min })}</p>
        </Notice>
      ) : null}
      {report ? <Headline report={report} /> : null}
      {data && township === '' && data.townships.length > 0 ? (
        <section class="tr-section" aria-labelledby="rt-title">
          <h2 id="rt-title">{t('trainings.results.byTownship')}</h2>
          <div class="table-wrap cards">
            <table>
              <caption class="visually-hidden">{t('trainings.results.byTownship')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trainings.progress.township')}</th>
                  <th scope="col" class="num">
                    {t('trainings.results.n')}
                  </th>
                  <th scope="col" class="num">
                    {t('trainings.results.overall')}
                  </th>
                  <th scope="col" class="num">
                    {t('trainings.results.nps')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.townships.map((x) => (
                  <tr key={x.townshipId}>
                    <th scope="row" class="primary">
                      {x.name}
                    </th>
                    {x.withheld ? (
                      <td colSpan={3} class="muted tr-withheld">
                        {x.pending !== null
                          ? t('trainings.release.waiting', { n: x.pending, min })
                          : t('trainings.release.suppressed')}
                      </td>
                    ) : (
                      <>
                        <td class="num" data-label={t('trainings.results.n')}>
                          {formatNumber(x.n ?? 0)}
                          {x.pending ? (
                            <span class="tr-card-hint">{t('trainings.release.pendingHint', { n: x.pending })}</span>
                          ) : null}
                        </td>
                        <td class="num" data-label={t('trainings.results.overall')}>
                          {score(x.overall)}
                        </td>
                        <td class="num" data-label={t('trainings.results.nps')}>
                          {x.nps === null ? '—' : formatNumber(x.nps)}
                        </td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {release?.unattributed ? <p class="muted">{t('trainings.release.unattributed', { n: release.unattributed })}</p> : null}
        </section>
      ) : null}
      {block ? <Courses block={block} /> : null}
      {others.length > 0 ? (
        <section class="tr-section" aria-labelledby="rq-title">
          <h2 id="rq-title">{t('trainings.results.questions')}</h2>
          {others.map((q) => (
            <Question key={q.id} q={q} />
          ))}
        </section>
      ) : null}
      {texts.length > 0 ? (
        <section class="tr-section" aria-labelledby="ro-title">
          <h2 id="ro-title">{t('trainings.results.open')}</h2>
          {texts.map((q) => (
            <Question key={q.id} q={q} />
          ))}
        </section>
      ) : null}
    </>
  );
}
