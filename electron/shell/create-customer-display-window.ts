import { BrowserWindow, screen } from 'electron';
import { preloadScript, rendererEntry } from './create-main-window';

/**
 * The customer-facing display: the same renderer on its `#/customer-display` route, full screen
 * on a second monitor when there is one (otherwise a normal window beside the till's). It gets
 * the same sandboxed preload; the renderer decides by route what to show, and the core's display
 * state never carries staff-only information.
 */
export function createCustomerDisplayWindow(): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const window = new BrowserWindow({
    title: 'Kassa — customer display',
    show: false,
    ...(second ? { x: second.bounds.x, y: second.bounds.y, width: second.bounds.width, height: second.bounds.height, fullscreen: true } : { width: 800, height: 600 }),
    webPreferences: { preload: preloadScript, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void window.loadFile(rendererEntry, { hash: '/customer-display' });
  return window;
}
