import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';

export function LanguageSwitch() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const setLang = useUi((s) => s.setLang);
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      <button type="button" aria-pressed={lang === 'da'} onClick={() => setLang('da')} lang="da">
        Dansk
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
    </div>
  );
}
