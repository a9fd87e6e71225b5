import { describe, expect, it } from 'vitest';
import { reasons } from '../../shared/reasons';
import { errorCodes } from '../../shared/result';
import da from '../../renderer/i18n/da.json';
import en from '../../renderer/i18n/en.json';
import fi from '../../renderer/i18n/fi.json';
import nb from '../../renderer/i18n/nb.json';
import { pseudoLocaleAsked, pseudoText } from '../../renderer/i18n/pseudo';

type Tree = { [key: string]: string | Tree };
const catalogues: Record<string, Tree> = { en, nb, da, fi };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();
const english = flatten(en);

describe.each(['nb', 'da', 'fi'])('the %s catalogue', (language) => {
  const texts = flatten(catalogues[language]!);

  it('has exactly the keys of en.json: none missing, none extra', () => {
    expect([...english.keys()].filter((key) => !texts.has(key))).toEqual([]);
    expect([...texts.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('uses the same placeholders and tags as English in every text', () => {
    const differing = [...english].filter(([key, text]) => texts.has(key) && placeholders(text).join() !== placeholders(texts.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...texts].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('never names the wallet itself: the brand comes from {{wallet}} (Vipps in Norway, MobilePay in Denmark and Finland)', () => {
    // The one exception is the company asked to enable a sales unit, which is Vipps MobilePay in every country.
    const named = [...texts].filter(([key, text]) => /\b(Vipps|MobilePay)\b/.test(text) && key !== 'errors.reason.SKIP_LANDING_PAGE_NOT_ALLOWED');
    expect(named.map(([key]) => key)).toEqual([]);
  });
});

describe('error words', () => {
  it.each(Object.keys(catalogues))('every error code and every reason has a text in %s', (language) => {
    const texts = flatten(catalogues[language]!);
    expect(errorCodes.filter((code) => !texts.has(`errors.code.${code}`))).toEqual([]);
    expect(reasons.filter((reason) => !texts.has(`errors.reason.${reason}`) && !texts.has(`errors.reason.${reason}_other`))).toEqual([]);
  });

  it('has no text for a reason that does not exist', () => {
    const known = new Set<string>(reasons);
    const extra = [...english.keys()].filter((key) => key.startsWith('errors.reason.')).map((key) => key.slice('errors.reason.'.length).replace(/_(one|other)$/, '')).filter((reason) => !known.has(reason));
    expect(extra).toEqual([]);
  });
});

describe('the pseudo-locale', () => {
  it('accents letters, keeps placeholders and tags, and is about 40 % longer', () => {
    const text = 'Approve in {{wallet}} on <phone>{{phone}}</phone>';
    const pseudo = pseudoText(text);
    expect(pseudo).toContain('{{wallet}}');
    expect(pseudo).toContain('<phone>{{phone}}</phone>');
    expect(pseudo).not.toMatch(/Approve/);
    const plain = 'Training mode — no real money';
    expect(pseudoText(plain).length).toBeGreaterThanOrEqual(plain.length * 1.4);
  });
});

describe('turning the pseudo-locale on', () => {
  it('takes the address parameter in training mode only, never on a till that sells for real', () => {
    expect(pseudoLocaleAsked('?pseudo-locale', 'training')).toBe(true);
    expect(pseudoLocaleAsked('?pseudo-locale', 'production')).toBe(false);
    expect(pseudoLocaleAsked('?pseudo-locale', 'test')).toBe(false);
    expect(pseudoLocaleAsked('', 'training')).toBe(false);
  });
});
