/**
 * Every problem of a rejected import, in row order, so the person can walk down the file in
 * Excel/WPS and fix each one. Nothing is truncated: a partial list would only cause another
 * failed round trip.
 */
import type { RowProblem } from '../../api';
import { t, tEnum } from '../../i18n';

export function ImportErrors({ rows }: { rows: readonly RowProblem[] }) {
  const sorted = [...rows].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return (
    <section class="panel" aria-labelledby="import-errors-title">
      <h2 id="import-errors-title">{t('import.errorsTitle', { count: rows.length })}</h2>
      <p class="hint">{t('import.errorsHint')}</p>
      <div class="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('import.row')}
              </th>
              <th scope="col">{t('import.field')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r, i) => (
              <tr key={`${r.row}-${r.field}-${i}`}>
                <td class="num primary" data-label={t('import.row')}>
                  {r.row === null ? (
                    t('import.wholeFile')
                  ) : (
                    <>
                      <span class="card-only">{t('import.row')} </span>
                      {r.row}
                    </>
                  )}
                </td>
                <td data-label={t('import.field')}>{r.field ? tEnum('importField', r.field) : '—'}</td>
                <td data-label={t('import.reason')}>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
