import './zod-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import { BridgeProvider } from './bridge/bridge-context';
import { getBridge } from './bridge/get-bridge';
import { isCustomerDisplayRoute } from './features/display/customer-display-route';
import { CustomerDisplayApp } from './features/display/CustomerDisplayApp';
import { App } from './features/shell/App';

void getBridge().then((bridge) => {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  // Decided once at load: the customer's screen never turns into the till, nor the other way round.
  const Screen = isCustomerDisplayRoute(window.location) ? CustomerDisplayApp : App;
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider bridge={bridge}>
        <Screen />
      </BridgeProvider>
    </StrictMode>,
  );
});
