#!/usr/bin/env node
// The browser tests drive Debian's Chromium (downloaded browsers cannot be installed here).
// Installs it with apt-get when this machine allows it; otherwise says what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = ['/usr/bin/apt-get', '/bin/apt-get'].some((path) => existsSync(path));
if (isRoot && hasAptGet) {
  console.log(`No Chromium at ${chromium}: installing Debian's chromium package with apt-get…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    // Fall through to the message below.
  }
  if (existsSync(chromium)) process.exit(0);
}
console.error(
  [
    `The browser tests need Chromium at ${chromium}, and it could not be installed automatically.`,
    'Install it, then run the tests again:',
    '  sudo apt-get update && sudo apt-get install -y chromium',
    'or point CHROMIUM_PATH at an installed Chromium or Chrome binary.',
  ].join('\n'),
);
process.exit(1);
