import { existsSync, readFileSync } from 'node:fs';
import type { AnchorLock } from '../lib/anchors.ts';

/** Reads the anchor lock file; a missing file is an empty lock (nothing published yet). */
export function readAnchorLock(path: string): AnchorLock {
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as AnchorLock;
}
