/**
 * One button that switches between Chinese and English. It is labelled in the language it
 * switches to (with a matching `lang`), so someone who cannot read the current UI finds it.
 */
import { t } from '../i18n';
import { useLocale } from '../i18n/context';

export function LangSwitch({ className = 'btn btn-quiet btn-small' }: { className?: string }) {
  const { locale, setLocale } = useLocale();
  const target = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" class={className} lang={target} onClick={() => setLocale(target)} title={t('lang.label')}>
      {t('lang.switchTo')}
    </button>
  );
}
