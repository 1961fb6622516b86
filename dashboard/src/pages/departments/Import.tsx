/**
 * Importing 承办单位 from a CSV or Excel file (POST /api/departments/import): all or nothing,
 * with every bad row listed by its spreadsheet row number.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { Notice } from '../../components/Notice';
import { t } from '../../i18n';

interface RowIssue {
  row: number | null;
  message: string;
}

export function DepartmentImport({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string; rows: RowIssue[] } | null>(null);

  async function upload(event: Event) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('file', file);
      const res = await fetch('/api/departments/import', { method: 'POST', body: fd, credentials: 'same-origin' });
      const body = (await res.json()) as {
        created?: number;
        updated?: number;
        unchanged?: number;
        error?: { message: string; rows?: RowIssue[] };
      };
      if (!res.ok || body.error) {
        setResult({ tone: 'error', text: body.error?.message ?? String(res.status), rows: body.error?.rows ?? [] });
      } else {
        setResult({
          tone: 'success',
          text: t('dept.importDone', { created: body.created ?? 0, updated: body.updated ?? 0, unchanged: body.unchanged ?? 0 }),
          rows: [],
        });
        onDone();
      }
    } catch (err) {
      setResult({ tone: 'error', text: err instanceof ApiError ? err.message : String(err), rows: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel" aria-labelledby="dept-import-title">
      <h2 id="dept-import-title">{t('dept.import')}</h2>
      <p class="hint">{t('dept.importHint')}</p>
      {result ? (
        <Notice tone={result.tone}>
          <p>{result.text}</p>
          {result.rows.length ? (
            <ul>
              {result.rows.map((r) => (
                <li key={`${r.row}-${r.message}`}>{r.row === null ? r.message : `${r.row}：${r.message}`}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <form onSubmit={upload} noValidate>
        <label class="field-label" for="dept-import-file">
          {t('dept.import')}
        </label>
        <input
          id="dept-import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <div class="form-actions">
          <button type="submit" class="btn" disabled={busy || !file}>
            {t(busy ? 'common.saving' : 'dept.import')}
          </button>
        </div>
      </form>
    </section>
  );
}
