// The console's language: Chinese first, English on request; remembered per browser.
export type Locale = 'zh' | 'en';
const KEY = 'ce.locale';

export function currentLocale(): Locale {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(KEY, locale);
}
