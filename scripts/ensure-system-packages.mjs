#!/usr/bin/env node
// The browser tests drive Debian's Chromium and, as a second engine, Debian's Firefox ESR
// (downloaded browsers cannot be installed here), and the W3C Nu Html Checker (vnu-jar) runs on
// Java. Installs what is missing with apt-get when this machine allows it; otherwise says what to
// run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the tests need from the system: how to tell it is there, and Debian's package for it. */
const needs = [
  {
    what: 'Chromium',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    package: 'chromium',
    otherwise: 'or point CHROMIUM_PATH at an installed Chromium or Chrome binary.',
  },
  {
    what: 'Firefox ESR',
    present: () => existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'),
    package: 'firefox-esr',
    otherwise: 'or point FIREFOX_PATH at an installed Firefox binary (ESR 128 or later, for WebDriver BiDi).',
  },
  {
    what: 'Java (for the W3C Nu Html Checker)',
    present: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0,
    package: 'default-jre-headless',
    otherwise: 'or put any Java 11 or later on the PATH.',
  },
];

const missing = needs.filter((need) => !need.present());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = ['/usr/bin/apt-get', '/bin/apt-get'].some((path) => existsSync(path));
const packages = missing.map((need) => need.package);
if (isRoot && hasAptGet) {
  console.log(`Missing ${missing.map((need) => need.what).join(' and ')}: installing ${packages.join(' ')} with apt-get…`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // Fall through to the message below.
  }
}
const still = missing.filter((need) => !need.present());
if (still.length === 0) process.exit(0);
console.error(
  [
    `The browser tests need ${still.map((need) => need.what).join(' and ')}, which could not be installed automatically.`,
    'Install, then run the tests again:',
    `  sudo apt-get update && sudo apt-get install -y ${still.map((need) => need.package).join(' ')}`,
    ...still.map((need) => `${need.what}: ${need.otherwise}`),
  ].join('\n'),
);
process.exit(1);
