import type { ReactNode } from 'react';
import { Icon } from './Icon';

/** A warning in the flow of a screen: an icon and words, never colour alone. */
export function WarningNotice({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="notice notice--warning" data-testid={testId}>
      <Icon name="alert" />
      <span>{children}</span>
    </p>
  );
}
