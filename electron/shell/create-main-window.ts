import { BrowserWindow, shell } from 'electron';
import { fileURLToPath } from 'node:url';

export const rendererEntry = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
export const preloadScript = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));

/**
 * The cashier's window: sandboxed renderer, context isolation, no Node. It may navigate only
 * within the bundled renderer; in training mode the sandbox's phone page may open in its own
 * window, and every other link goes to the system browser or nowhere.
 */
export function createMainWindow(options: { phonePageUrl: string | null; kiosk: boolean }): BrowserWindow {
  // A self-service kiosk fills the screen with nothing to leave it by: no menu, no dev tools.
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Kassa',
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: options.kiosk,
    webPreferences: { preload: preloadScript, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: !options.kiosk },
  });
  if (options.kiosk) window.removeMenu();
  window.once('ready-to-show', () => window.show());
  // A renderer that crashes comes straight back (the core never stopped; the sale is in SQLite).
  window.webContents.on('render-process-gone', () => {
    if (!window.isDestroyed()) void window.loadFile(rendererEntry);
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith('file://')) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (options.kiosk) return { action: 'deny' };
    if (options.phonePageUrl && url.startsWith(options.phonePageUrl)) {
      return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } } };
    }
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });

  void window.loadFile(rendererEntry);
  return window;
}
