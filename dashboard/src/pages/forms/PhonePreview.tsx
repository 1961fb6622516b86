/**
 * The live phone preview: the Worker renders the definition being edited with the deputies'
 * own page (/p/<token>) in a 360 px frame beside the builder, reloaded after every accepted
 * change, and a QR code opens the same page on the staff member's phone.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';

/** Props of {@link PhonePreview}. */
export interface PhonePreviewProps {
  /** The current preview (its token, its absolute URL, and a counter that changes per update). */
  preview: { token: string; url: string; n: number } | null;
  /** The latest edit has problems: the frame shows the last good version. */
  stale: boolean;
}

export function PhonePreview({ preview, stale }: PhonePreviewProps) {
  const [qr, setQr] = useState(false);
  return (
    <aside class="fb-preview" aria-labelledby="fb-preview-title">
      <h3 id="fb-preview-title">{t('forms.preview.title')}</h3>
      <p class="hint">{t('forms.preview.hint')}</p>
      {preview ? (
        <>
          <div class={stale ? 'fb-phone fb-phone--stale' : 'fb-phone'}>
            <iframe
              key={preview.n}
              title={t('forms.preview.frame')}
              src={`/p/${preview.token}?r=${preview.n}`}
              width={360}
              height={640}
            />
          </div>
          <div class="form-actions">
            <button type="button" class="btn btn-secondary" aria-expanded={qr} onClick={() => setQr(!qr)}>
              {t('forms.preview.qr')}
            </button>
            <a href={preview.url} target="_blank" rel="noopener">
              {t('forms.preview.open')}
            </a>
          </div>
          {qr ? (
            <img
              class="fb-qr"
              src={`/api/forms/previews/${preview.token}/qr.svg`}
              alt={t('forms.preview.qrAlt')}
              width={200}
              height={200}
            />
          ) : null}
        </>
      ) : (
        <p class="muted">{t('forms.preview.pending')}</p>
      )}
    </aside>
  );
}
