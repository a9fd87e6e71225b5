import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The data directory holds customers' names, emails, addresses and phone numbers: only the user
 * Kassa runs as may read it. Directories are 0700, files 0600. SQLite gives its -wal and -shm
 * files the mode of the database file, so creating that file 0600 before SQLite opens it covers
 * them too.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the directory (and missing parents) 0700; an existing one loses group and other access. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(path, PRIVATE_DIR_MODE);
}

/** Creates an empty file 0600 if there is none; an existing one loses group and other access. */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  tighten(path, PRIVATE_FILE_MODE);
}

/** For files a tool wrote itself (a database made by an older Kassa, its WAL): only if present. */
export function tightenIfPresent(path: string): void {
  if (existsSync(path)) tighten(path, PRIVATE_FILE_MODE);
}

function tighten(path: string, mode: number): void {
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, mode);
}
