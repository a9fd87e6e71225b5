export interface StepResult {
  title: string;
  ok: boolean;
}

export interface NotRun {
  title: string;
  reason: string;
}

export interface TestSummary {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
  notRun: NotRun[];
  ok: boolean;
}

export function summarise(input: { steps: StepResult[]; vitest?: unknown; playwright?: unknown; specsRequired?: boolean }): TestSummary;
export function formatSummary(summary: TestSummary): string;
export function closingLine(summary: Pick<TestSummary, 'passed' | 'failed' | 'skipped'>): string;
