// The console's own messages (app.*, resources.*) exist in both languages with
// the same keys and variables, so the English switch never shows a raw key.
import { consoleMessages } from '../../admin/src/i18n/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
const zh = flatten(consoleMessages.zh);
const en = flatten(consoleMessages.en);

describe('the console’s messages', () => {
  it('has every Chinese key in English and every English key in Chinese', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(20);
  });

  it('keeps the same variables in both languages', () => {
    const differing = [...zh].filter(([k, v]) => en.has(k) && variables(v).join() !== variables(en.get(k)!).join()).map(([k]) => k);
    expect(differing).toEqual([]);
  });

  it('writes Chinese in Chinese and no Chinese in English', () => {
    expect([...zh].filter(([, v]) => v.trim() !== '' && !/[\u4e00-\u9fff]/.test(v) && !/^[\s%{}\w.:·/-]*$/.test(v)).map(([k]) => k)).toEqual([]);
    expect([...en].filter(([, v]) => /[\u4e00-\u9fff]/.test(v)).map(([k]) => k)).toEqual([]);
  });
});
