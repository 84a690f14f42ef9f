// How every headless Chromium in this project starts: the browser tests and
// the paint benchmark. As root it needs --no-sandbox; the network-quiet flags
// stop it calling home on a machine with no internet.
export const chromiumExecutable = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
