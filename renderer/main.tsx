import './zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { BridgeProvider } from './bridge/bridge-context';
import { getBridge } from './bridge/get-bridge';
import { App } from './features/shell/App';

void getBridge().then((bridge) => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider bridge={bridge}>
        <App />
      </BridgeProvider>
    </StrictMode>,
  );
});
