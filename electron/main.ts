import { app, BrowserWindow } from 'electron';
import { pathToFileURL } from 'node:url';
import { parseCliArgs } from './host/cli-args';
import { startKassa, type RunningKassa } from './host/run-kassa';
import { createCustomerDisplayWindow } from './shell/create-customer-display-window';
import { createMainWindow, rendererEntry } from './shell/create-main-window';
import { forwardEvents, registerIpc } from './shell/register-ipc';

/**
 * Electron's composition root. It maps Electron facts (where user data lives, when the app quits)
 * onto the same core every other host runs; there is no logic of its own here.
 */
let kassa: RunningKassa | null = null;

async function main(): Promise<void> {
  await app.whenReady();
  const args = parseCliArgs(process.argv.slice(2));
  kassa = await startKassa({ dataDir: args.dataDir ?? app.getPath('userData'), configFile: args.configFile });
  const info = await kassa.core.handlers['app.info']({});
  let window = createMainWindow({ phonePageUrl: info.phonePageUrl, kiosk: info.kiosk });
  const display = createCustomerDisplayWindow();
  const ownPage = pathToFileURL(rendererEntry).href;
  // Only the till's own two windows, on the bundled page, may call the core; the display only its part.
  registerIpc(kassa.core, (event) => {
    const frameUrl = event.senderFrame?.url.split('#')[0];
    if (frameUrl !== ownPage) return null;
    if (event.sender === window.webContents) return 'till';
    return event.sender === display.webContents ? 'display' : null;
  });
  forwardEvents(kassa.core, window.webContents);
  forwardEvents(kassa.core, display.webContents, 'display');

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && kassa) {
      window = createMainWindow({ phonePageUrl: info.phonePageUrl, kiosk: info.kiosk });
      forwardEvents(kassa.core, window.webContents);
    }
  });
}

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !kassa) return;
  // Let work in flight reach SQLite before the process goes.
  event.preventDefault();
  quitting = true;
  void kassa.stop().finally(() => app.quit());
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

main().catch((error: unknown) => {
  console.error('Kassa could not start:', error instanceof Error ? error.message : error);
  app.exit(1);
});
