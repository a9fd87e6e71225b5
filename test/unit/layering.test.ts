import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering rule is only worth something if it fails: lint made-up files in each layer.
// fileURLToPath, not URL.pathname: the latter keeps %20 for a space and breaks in `Kassa prøve/`.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function ruleMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule', () => {
  it("keeps 'electron' out of the core", async () => {
    expect(await ruleMessages('electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await ruleMessages('electron/shell/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });

  it('keeps the renderer away from electron/ and Node', async () => {
    expect(await ruleMessages('renderer/x.ts', "import { createCore } from '../electron/core/create-core';\nexport const c = createCore;\n")).toHaveLength(1);
    expect(await ruleMessages('renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await ruleMessages('renderer/x.ts', "import { invokeContract } from '../shared/contract';\nexport const c = invokeContract;\n")).toHaveLength(0);
  });

  it('lets shared/ import only zod and itself', async () => {
    expect(await ruleMessages('shared/x.ts', "import { z } from 'zod';\nimport { money } from './money';\nexport const a = [z, money];\n")).toHaveLength(0);
    expect(await ruleMessages('shared/x.ts', "import { request } from 'undici';\nexport const r = request;\n")).toHaveLength(1);
    expect(await ruleMessages('shared/x.ts', "import { createCore } from '../electron/core/create-core';\nexport const c = createCore;\n")).toHaveLength(1);
  });
});
