import { describe, expect, it } from 'vitest';
import { receiptTexts } from '../../electron/sandbox/billing/receipt-texts';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join();

describe("the receipt page's own text table (the sandbox's billing backend)", () => {
  const english = receiptTexts.en;

  it.each(['nb', 'da', 'fi'] as const)('%s has every English text, with the same placeholders, none empty and none left in English', (language) => {
    const texts = receiptTexts[language];
    expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect(placeholders(texts[key]), `${language}.${key}`).toBe(placeholders(english[key]));
      expect(texts[key].trim(), `${language}.${key}`).not.toBe('');
      expect(texts[key], `${language}.${key}`).not.toBe(english[key]);
    }
  });
});
