// E2E tests drive Debian's Chromium (test tools cannot download browsers here).
// Install it when we can; otherwise stop with the exact command. Never skip e2e silently.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = fs.existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium is missing: installing Debian\'s chromium package…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    // fall through to the message below
  }
  if (fs.existsSync(CHROMIUM)) process.exit(0);
}
console.error(
  `\nEnd-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n\n` +
    '    sudo apt-get update && sudo apt-get install -y chromium\n\n' +
    'or point CHROMIUM_PATH at a Chromium binary.\n',
);
process.exit(1);
