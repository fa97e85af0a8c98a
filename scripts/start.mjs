// start: install what is missing, build the wasm module and the site, then serve dist/
// on localhost. `npm start -- --port N` (or PORT=N) picks the port; when it is taken the next
// free one is used, and a line says so.
import { join } from 'node:path';
import { buildSite, buildWasm } from './build.mjs';
import { bold, green, root, yellow } from './lib.mjs';
import { serve } from './serve.mjs';
import { setup } from './setup.mjs';

function requestedPort() {
  const index = process.argv.indexOf('--port');
  const text = index >= 0 ? process.argv[index + 1] : process.env.PORT;
  const port = Number(text ?? 4173);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`invalid port '${text}'`);
    process.exit(2);
  }
  return port;
}

setup('start');
buildWasm();
buildSite();
const { url, notice } = await serve(join(root, 'dist'), requestedPort());
if (notice) console.log(`\n${yellow(notice)}`);
console.log(`\n${green(bold(`Interleave is running at ${url}`))}\nPress Ctrl+C to stop.`);
