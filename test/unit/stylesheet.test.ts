import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The till's one stylesheet is plain CSS without nesting. A lost closing brace does not break the
 * build: the browser reads every rule after it as nested inside the rule it failed to close, and a
 * whole screen silently loses its styles (it happened once, in a merge). This finds that.
 */
const css = readFileSync(fileURLToPath(new URL('../../renderer/styles/app.css', import.meta.url)), 'utf8');

/** Where a style rule (not an @media or @supports block) opens a block inside itself. */
function nestedRules(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/'[^']*'|"[^"]*"/g, '""');
  const stack: Array<{ atRule: boolean; line: number }> = [];
  const problems: string[] = [];
  let selectorStart = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      const prelude = text.slice(selectorStart, i).trim();
      const line = text.slice(0, i).split('\n').length;
      if (stack.some((block) => !block.atRule)) problems.push(`line ${line}: "${prelude.split('\n').pop()}" opens inside a style rule`);
      stack.push({ atRule: prelude.startsWith('@'), line });
      selectorStart = i + 1;
    } else if (char === '}') {
      if (stack.pop() === undefined) problems.push(`line ${text.slice(0, i).split('\n').length}: a } closes nothing`);
      selectorStart = i + 1;
    } else if (char === ';') {
      selectorStart = i + 1;
    }
  }
  for (const open of stack) problems.push(`line ${open.line}: a block is never closed`);
  return problems;
}

describe('the stylesheet', () => {
  it('closes every rule it opens, and nests none inside another', () => {
    expect(nestedRules(css)).toEqual([]);
  });

  it('would notice a lost brace', () => {
    expect(nestedRules('.a { gap: 8px;\n.b { color: red; }\n')).toEqual(['line 2: ".b" opens inside a style rule', 'line 1: a block is never closed']);
  });
});
