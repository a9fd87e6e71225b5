/**
 * Where a JSON text first breaks, as line and column. JSON.parse's own message quotes the text
 * around the error, and a config file holds secrets, so Kassa reports this position instead.
 * Only called after JSON.parse failed; a small recursive-descent check of the JSON grammar.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } {
  const offset = firstErrorOffset(text);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function firstErrorOffset(text: string): number {
  let i = 0;
  class Stop {}
  const fail = (): never => {
    throw new Stop();
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[i] !== char) fail();
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail();
        i = ESCAPE.lastIndex;
      } else if (text.charCodeAt(i) < 0x20) {
        fail();
      } else {
        i++;
      }
    }
    expect('"');
  };
  const sequence = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === ',') i++;
      else return expect(close);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') return sequence('}', () => (string(), expect(':'), value()));
    if (char === '[') return sequence(']', value);
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail();
    i = NUMBER.lastIndex;
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return i;
}
