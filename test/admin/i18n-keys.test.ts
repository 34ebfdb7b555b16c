// The console's Simplified Chinese react-admin messages (admin/src/i18n/ra-chinese.ts) must cover
// exactly the keys of ra-language-english, keep its %{...} variables, and actually be Chinese.
import englishMessages from 'ra-language-english';
import { raChinese } from '../../admin/src/i18n/ra-chinese';

type Messages = { [key: string]: string | Messages };

/** Dotted key → message, e.g. 'ra.action.save' → 'Save'. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const variables = (message: string) => [...new Set(message.match(/%\{[^}]*\}/g) ?? [])].sort();

/**
 * Polyglot separates plural forms with '||||'. Chinese has one form, used for every count, so it
 * must carry the variables of the English "other" (last) form: the variables react-admin always
 * passes. (E.g. bulk_update_content's singular form uses %{recordRepresentation}, which the bulk
 * buttons do not pass; polyglot would print it literally.)
 */
const expectedVariables = (english: string) => variables(english.split('||||').pop()!);

/** English entries with no words, only variables, punctuation or spaces (ra.boolean.null is ' '). */
const wordless = (english: string) => !/\p{L}/u.test(english.replace(/%\{[^}]*\}/g, ''));

const english = flatten(englishMessages as Messages);
const chinese = flatten(raChinese as Messages);

describe('Simplified Chinese react-admin messages', () => {
  it('reads the whole English package (5.15.4 has 164 messages)', () => {
    expect(english.size).toBeGreaterThanOrEqual(164);
    expect(english.get('ra.action.save')).toBe('Save');
  });

  it('has every English key', () => {
    const missing = [...english.keys()].filter((k) => !chinese.has(k));
    expect(missing).toEqual([]);
  });

  it('has no key that English lacks (a typo or a removed message)', () => {
    const extra = [...chinese.keys()].filter((k) => !english.has(k));
    expect(extra).toEqual([]);
  });

  it('every message is a string with a single form and the same %{…} variables as the English', () => {
    const wrong: string[] = [];
    for (const [key, en] of english) {
      const zh = chinese.get(key);
      if (typeof en !== 'string' || !chinese.has(key)) continue;
      if (typeof zh !== 'string') {
        wrong.push(`${key}: not a string`);
        continue;
      }
      if (zh.includes('||||')) wrong.push(`${key}: Chinese has one plural form, drop '||||'`);
      const want = expectedVariables(en);
      const got = variables(zh);
      if (want.join() !== got.join()) wrong.push(`${key}: expected ${want.join(' ') || 'no variables'}, got ${got.join(' ') || 'none'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every message is non-empty and contains Chinese, unless the English has no words either', () => {
    const wrong: string[] = [];
    for (const [key, zh] of chinese) {
      const en = english.get(key);
      if (typeof zh !== 'string' || zh.length === 0) {
        wrong.push(`${key}: empty`);
      } else if (typeof en === 'string' && wordless(en)) {
        if (/\p{L}/u.test(zh.replace(/%\{[^}]*\}/g, '')) && !/\p{Script=Han}/u.test(zh)) wrong.push(`${key}: untranslated words`);
      } else if (!/\p{Script=Han}/u.test(zh)) {
        wrong.push(`${key}: no Chinese characters in ${JSON.stringify(zh)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('uses the console’s terms for the common actions', () => {
    expect(chinese.get('ra.action.save')).toBe('保存');
    expect(chinese.get('ra.action.delete')).toBe('删除');
    expect(chinese.get('ra.navigation.page_rows_per_page')).toBe('每页行数：');
    expect(chinese.get('ra.page.list')).toBe('%{name}列表');
    expect(chinese.get('ra.auth.sign_in')).toBe('登录');
    expect(chinese.get('ra.auth.logout')).toBe('退出登录');
  });
});
