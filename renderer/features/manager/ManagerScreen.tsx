import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClosePanel } from './ClosePanel';
import { DayPanel } from './DayPanel';
import { EntriesPanel } from './EntriesPanel';
import { JournalPanel } from './JournalPanel';

const tabs = ['day', 'entries', 'close', 'journal'] as const;
type Tab = (typeof tabs)[number];

/** The manager's side of the till: the day, every sale and agreement, the drawer and Z-report, the journal. */
export function ManagerScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('day');
  return (
    <div className="manager-screen" data-testid="manager-screen">
      <nav className="manager-tabs no-print" aria-label={t('manager.tabs.label')}>
        {tabs.map((name) => (
          <button key={name} type="button" className="main-nav-item" data-testid={`manager-tab-${name}`} aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)}>
            {t(`manager.tabs.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'day' && <DayPanel />}
      {tab === 'entries' && <EntriesPanel />}
      {tab === 'close' && <ClosePanel />}
      {tab === 'journal' && <JournalPanel />}
    </div>
  );
}
