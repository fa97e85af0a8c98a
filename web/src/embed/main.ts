// The embed page's entry (a classic script, see vite.config.ts): styles and theme, options
// from the URL, the program from the fragment, and the engine worker made from a Blob that
// imports the engine script, the one way a sandboxed, opaque-origin page may start a worker
// from a host that sends no CORS headers.
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import pageCss from '../style.css?inline';
import embedCss from './embed.css?inline';
import { EmbedApp } from './embed-app';
import { parseOptions } from './options';
import { resolveProgram } from './program';
import { applyTheme } from './theme';

let workerUrl = '';

// createWorker starts a classic worker whose only code imports the engine script by absolute URL.
function createWorker(): Worker {
  if (!workerUrl) {
    const engine = new URL(__EMBED_ENGINE__, document.baseURI).href;
    const boot = `self.__interleaveBase=${JSON.stringify(engine)};importScripts(${JSON.stringify(engine)});`;
    workerUrl = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
  }
  return new Worker(workerUrl, { name: 'interleave-engine' });
}

async function main(): Promise<void> {
  const options = parseOptions(location.search);
  applyTheme(`${xtermCss}\n${pageCss}\n${embedCss}`, options.theme);
  const program = await resolveProgram(location.hash, options);
  if (options.start === null && program.position !== null) options.start = program.position;
  new EmbedApp(document.body, program, options, createWorker, new URL('index.html', document.baseURI));
}

void main();
