/**
 * The e2e tests need Debian's `chromium` and `firefox-esr`. On a Debian machine where we are root
 * (or have passwordless sudo) and they are missing, install them; anywhere else stop with a message
 * that names what to install, instead of a cryptic launch error later.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, FIREFOX } from '../tests/e2e/support/browsers';

const wanted = [
  { path: CHROMIUM, pkg: 'chromium' },
  { path: FIREFOX, pkg: 'firefox-esr' },
].filter((b) => !existsSync(b.path));

function canApt(): string[] | null {
  if (!existsSync('/usr/bin/apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : null;
}

if (wanted.length > 0) {
  const packages = wanted.map((w) => w.pkg);
  const prefix = canApt();
  if (!prefix) {
    console.error(
      `Verbatim's end-to-end tests need ${packages.join(' and ')} (expected at ${wanted.map((w) => w.path).join(', ')}).\n` +
        `Install them (on Debian: sudo apt-get install ${packages.join(' ')}), or point VERBATIM_CHROMIUM / VERBATIM_FIREFOX at your own builds.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} with apt-get…`);
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
}
