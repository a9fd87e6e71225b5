/**
 * The lint rule that keeps words out of components (eslint.config.js, userVisibleLiterals), run with
 * the project's own config on a component it never saw: what a reader would see is refused, what
 * only the program reads is let through. Guards the wiring, so a changed glob or option cannot
 * switch the check off quietly; `npm run lint` applies it to every renderer/**\/*.tsx.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const component = `
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

function Dialog(_props: { title: string; submitLabel: string; children?: React.ReactNode }) {
  return null;
}

export function Probe({ ok, id }: { ok: boolean; id: string }) {
  const { t } = useTranslation();
  return (
    <section className={\`probe probe--\${ok ? 'ok' : 'not'}\`} data-testid={\`probe-\${id}\`} aria-labelledby="probe-title">
      <h2 id="probe-title">Shown as it is</h2>
      <button type="button" aria-label="Close the probe" onClick={() => void 0}>
        <Icon name="alert" />
      </button>
      <p>{ok ? 'All good' : t('probe.notGood')}</p>
      <p>{\`Sale \${id}\`}</p>
      <img alt="A receipt" src="receipt.png" />
      <input placeholder="Type a number" />
      <Dialog title="Leave the till" submitLabel="Leave">{t('probe.body')}</Dialog>
      <p>{id} · {id} × 2 — 40 %</p>
      <p title={t('probe.title')}>{t('probe.text', { id })}</p>
    </section>
  );
}
`;

describe('user-visible literals in components', () => {
  let found: { line: number; source: string }[];
  beforeAll(async () => {
    const eslint = new ESLint({ cwd: projectRoot });
    const [result] = await eslint.lintText(component, { filePath: 'renderer/features/probe/Probe.tsx' });
    const lines = component.split('\n');
    found = result!.messages
      .filter((message) => message.ruleId === 'i18next/no-literal-string')
      .map((message) => ({ line: message.line, source: lines[message.line - 1]!.trim() }));
  }, 30_000);

  it('refuses JSX text, and aria-label, alt, placeholder, title and label props written as literals', () => {
    const refused = new Set(found.map((f) => f.source));
    for (const line of [
      '<h2 id="probe-title">Shown as it is</h2>',
      '<button type="button" aria-label="Close the probe" onClick={() => void 0}>',
      "<p>{ok ? 'All good' : t('probe.notGood')}</p>",
      '<p>{`Sale ${id}`}</p>',
      '<img alt="A receipt" src="receipt.png" />',
      '<input placeholder="Type a number" />',
      '<Dialog title="Leave the till" submitLabel="Leave">{t(\'probe.body\')}</Dialog>',
    ]) {
      expect(refused, line).toContain(line);
    }
  });

  it('lets through class names, test ids, ids, icon names, translated texts, punctuation, numbers and codes', () => {
    const allowed = ['<section', '<Icon name="alert" />', "<p>{id} · {id} × 2 — 40 %</p>", "<p title={t('probe.title')}>"];
    expect(found.filter((f) => allowed.some((line) => f.source.startsWith(line)))).toEqual([]);
  });
});
