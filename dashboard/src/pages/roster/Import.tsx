/**
 * 导入名册: choose a CSV/XLSX file, check it (POST /api/roster/import?dryRun=1 → "将新增 N，
 * 更新 M，不变 K"), then confirm (the same POST without dryRun). The Worker applies all rows
 * or none; on 422 every bad row is listed with its spreadsheet row number and reason.
 */
import { useState } from 'preact/hooks';
import { ApiError, call, client, type ImportSummary, type RowProblem } from '../../api';
import { Notice } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { ImportErrors } from './ImportErrors';

type Phase =
  | { step: 'idle' }
  | { step: 'busy'; dryRun: boolean }
  | { step: 'checked'; summary: ImportSummary }
  | { step: 'done'; summary: ImportSummary }
  | { step: 'invalid'; message: string; rows: readonly RowProblem[] }
  | { step: 'failed'; message: string };

/** Uploads the file; `dryRun` checks and counts without writing anything. */
function upload(file: File, dryRun: boolean): Promise<ImportSummary> {
  return call(client.api.roster.import.$post({ query: dryRun ? { dryRun: '1' } : {}, form: { file } }));
}

export default function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  async function run(dryRun: boolean) {
    if (!file) {
      setPhase({ step: 'failed', message: t('import.chooseFirst') });
      return;
    }
    setPhase({ step: 'busy', dryRun });
    try {
      const summary = await upload(file, dryRun);
      setPhase(dryRun ? { step: 'checked', summary } : { step: 'done', summary });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'unknown', t('error.unknown'));
      setPhase(
        e.rows.length > 0 ? { step: 'invalid', message: e.message, rows: e.rows } : { step: 'failed', message: e.message },
      );
    }
  }

  const busy = phase.step === 'busy';
  const counts = (s: ImportSummary) => ({ created: s.created, updated: s.updated, unchanged: s.unchanged });

  return (
    <>
      <PageHeader title={t('import.title')} />
      <div class="panel">
        <p>{t('import.intro')}</p>
        <p class="hint import-columns">{t('import.columns')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <div class="field">
            <label for="import-file">{t('import.file')}</label>
            <div class="file-picker">
              <input
                id="import-file"
                class="visually-hidden"
                name="file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="import-file-name import-file-hint"
                // Clearing on click makes choosing the same, now corrected, file fire `change` again.
                onClick={(e) => {
                  e.currentTarget.value = '';
                  setFile(null);
                }}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setPhase({ step: 'idle' });
                }}
              />
              <label for="import-file" class="btn btn-secondary" aria-hidden="true">
                {t('import.choose')}
              </label>
              <span class="file-name" id="import-file-name">
                {file ? file.name : t('import.noFile')}
              </span>
            </div>
            <p class="hint" id="import-file-hint">
              {t('import.fileHint')}
            </p>
          </div>
          <div class="form-actions">
            <button type="submit" class={phase.step === 'checked' ? 'btn btn-secondary' : 'btn'} disabled={busy}>
              {t(busy && phase.dryRun ? 'import.checking' : 'import.check')}
            </button>
            {phase.step === 'checked' || (busy && !phase.dryRun) ? (
              <button type="button" class="btn" disabled={busy} onClick={() => void run(false)}>
                {t(busy ? 'import.applying' : 'import.apply')}
              </button>
            ) : null}
          </div>
        </form>
      </div>

      {phase.step === 'checked' ? (
        <Notice tone="info">
          <p>{t('import.preview', counts(phase.summary))}</p>
        </Notice>
      ) : null}
      {phase.step === 'done' ? (
        <Notice tone="success">
          <p>
            {t('import.done', counts(phase.summary))} <a href="/roster/deputies">{t('import.viewDeputies')}</a>
          </p>
        </Notice>
      ) : null}
      {phase.step === 'failed' ? (
        <Notice tone="error">
          <p>{phase.message}</p>
        </Notice>
      ) : null}
      {phase.step === 'invalid' ? (
        <>
          <Notice tone="error">
            <p>{phase.message}</p>
          </Notice>
          <ImportErrors rows={phase.rows} />
        </>
      ) : null}
    </>
  );
}
