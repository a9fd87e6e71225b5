/**
 * A pseudo-locale made from English at run time: every letter accented and each text about 40 %
 * longer, in brackets. A screenshot in it shows at a glance what would be cut off in Finnish or
 * Danish, and any text that stays plain English was never translated (a literal in a component).
 * Placeholders ({{name}}), nesting ($t(...)) and tags (<phone>) are kept as they are.
 */
const accents: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

const kept = /(\{\{[^}]+\}\}|\$t\([^)]*\)|<\/?[a-z0-9]+\/?>)/gi;

export function pseudoText(text: string): string {
  const parts = text.split(kept);
  let letters = 0;
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/[A-Za-z]/g, (ch) => {
        letters += 1;
        return accents[ch] ?? ch;
      });
    })
    .join('');
  const padding = '~'.repeat(Math.ceil(letters * 0.4));
  return `[${body}${padding ? ` ${padding}` : ''}]`;
}

export function pseudoResource<T>(resource: T): T {
  if (typeof resource === 'string') return pseudoText(resource) as T;
  if (resource && typeof resource === 'object') {
    return Object.fromEntries(Object.entries(resource).map(([key, value]) => [key, pseudoResource(value)])) as T;
  }
  return resource;
}

/**
 * The address asks for the pseudo-locale (`?pseudo-locale`), and the till is in training mode: the
 * one way a screenshot test turns it on. Never in the language picker, never on a till that sells
 * for real, so a shop cannot end up with accented English.
 */
export function pseudoLocaleAsked(search: string, mode: 'training' | 'test' | 'production'): boolean {
  return mode === 'training' && new URLSearchParams(search).has('pseudo-locale');
}
