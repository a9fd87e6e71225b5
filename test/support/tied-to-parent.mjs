/**
 * Preloaded (`node --import`) into every process a test starts with spawnTied: the process ends
 * when its parent does, however the parent goes (finished, timed out, crashed, SIGKILLed — when no
 * cleanup code of the parent runs at all). Without this a test that times out leaves its tills
 * running.
 *
 * It watches the parent's pid rather than a pipe to it: an orphan is re-parented (so its ppid
 * changes) on Linux and macOS, and on Windows the parent's pid stops answering. (A stdin pipe
 * held by the parent was tried first: it made every till several times slower under the chaos test.)
 */
const parent = process.ppid;
const WATCH_MS = 250;

function parentIsGone() {
  if (process.ppid !== parent) return true;
  try {
    process.kill(parent, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but is not ours to signal, so it is still there.
    return error.code === 'ESRCH';
  }
}

// unref: watching must not keep an otherwise finished process alive.
setInterval(() => {
  if (parentIsGone()) process.kill(process.pid, 'SIGKILL');
}, WATCH_MS).unref();
