// An independent TUF client for the AppLayer feed: tuf-js's Updater refreshes root, timestamp,
// snapshot and targets from the host (or a static copy) and, when asked, downloads targets and
// checks their length and hashes.
//
//   APPLAYER_API_KEY=al_... node verify.mjs --root ROOT.json --metadata-url URL/tuf/ \
//       --targets-url URL/v3/flatcontainer/ [--now ISO-8601] [--target PATH]...
//
// The host's /tuf/* needs an API key (X-NuGet-ApiKey); tuf-js's default fetcher sends none, so a
// fetcher that adds the header is passed to the Updater. A static copy needs no key.
// --now verifies as of another time (tuf-js reads the clock once, with `new Date()`).
// Prints one JSON line {"root":N,"timestamp":N,"snapshot":N,"targets":N,"downloaded":N}; exit 1 on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    'metadata-url': { type: 'string' },
    'targets-url': { type: 'string' },
    now: { type: 'string' },
    target: { type: 'string', multiple: true, default: [] },
  },
});

if (!values.root || !values['metadata-url'] || !values['targets-url']) {
  console.error('usage: node verify.mjs --root FILE --metadata-url URL --targets-url URL [--now ISO] [--target PATH]...');
  process.exit(2);
}

if (values.now) {
  const fixed = Date.parse(values.now);
  if (Number.isNaN(fixed)) {
    console.error(`--now '${values.now}' is not a date`);
    process.exit(2);
  }

  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [fixed] : args));
    }

    static now() {
      return fixed;
    }
  };
}

const { Updater, BaseFetcher } = await import('tuf-js');
// The Updater ends the root chain only on this error type with 404/403 (it is not re-exported by the package's index).
const errors = await import('tuf-js/dist/error.js');
const { DownloadHTTPError } = errors.DownloadHTTPError ? errors : errors.default;

class KeyFetcher extends BaseFetcher {
  constructor(key) {
    super();
    this.key = key;
  }

  async fetch(url) {
    const headers = this.key ? { 'X-NuGet-ApiKey': this.key } : {};
    const response = await fetch(url, { headers });
    if (!response.ok || !response.body) {
      throw new DownloadHTTPError(`GET ${url}: HTTP ${response.status}`, response.status);
    }

    return response.body;
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'applayer-tufjs-'));
try {
  const metadataDir = path.join(work, 'metadata');
  const targetDir = path.join(work, 'targets');
  fs.mkdirSync(metadataDir);
  fs.mkdirSync(targetDir);
  fs.copyFileSync(values.root, path.join(metadataDir, 'root.json'));
  const updater = new Updater({
    metadataDir,
    metadataBaseUrl: values['metadata-url'],
    targetDir,
    targetBaseUrl: values['targets-url'],
    fetcher: new KeyFetcher(process.env.APPLAYER_API_KEY),
  });
  await updater.refresh();
  let downloaded = 0;
  for (const target of values.target) {
    const info = await updater.getTargetInfo(target);
    if (!info) {
      throw new Error(`${target} is not a signed target`);
    }

    await updater.downloadTarget(info, path.join(targetDir, `${downloaded}.bin`));
    downloaded++;
  }

  const version = (name) => JSON.parse(fs.readFileSync(path.join(metadataDir, `${name}.json`), 'utf8')).signed.version;
  console.log(JSON.stringify({
    root: version('root'),
    timestamp: version('timestamp'),
    snapshot: version('snapshot'),
    targets: version('targets'),
    downloaded,
  }));
} catch (error) {
  console.error(`tuf-js: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
