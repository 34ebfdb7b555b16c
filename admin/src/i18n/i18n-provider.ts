// Chinese first, English on request. react-admin's own messages (ra.*) come from
// ra-chinese.ts and ra-language-english; the console's (app.*, resources.*,
// errors.*) from each folder's messages.ts, collected in messages.ts.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';
import { raChinese } from './ra-chinese';
import { currentLocale, type Locale, rememberLocale } from './locale';
import { consoleMessages } from './messages';

export const catalogs: Record<Locale, TranslationMessages> = {
  zh: { ...raChinese, ...consoleMessages.zh } as TranslationMessages,
  en: { ...englishMessages, ...consoleMessages.en } as TranslationMessages,
};

export function createI18nProvider() {
  const provider = polyglotI18nProvider((locale) => catalogs[locale === 'en' ? 'en' : 'zh'], currentLocale(), [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ], { allowMissing: false });
  return {
    ...provider,
    changeLocale(locale: string) {
      rememberLocale(locale === 'en' ? 'en' : 'zh');
      return provider.changeLocale(locale);
    },
  };
}
