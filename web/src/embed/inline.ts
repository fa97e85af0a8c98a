// The full embed UI for <interleave-playground> elements, loaded once per page by the light
// element (interleave-embed.js) on the first Run, as a classic script (no CORS needed, so it
// loads from any static host and inside sandboxed, opaque-origin frames). Each element mounts
// its EmbedApp into its own shadow root with the styles injected there; all of a page's
// elements share one engine worker (SharedEngine).
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import pageCss from '../style.css?inline';
import { EmbedApp } from './embed-app';
import embedCss from './embed.css?inline';
import type { InterleaveEmbedApi, MountOptions, MountedEmbed } from './mount-api';
import { parseOptions } from './options';
import { resolveProgram } from './program';
import { SharedEngine } from './shared-engine';
import { shadowCss } from './theme';

let shared: SharedEngine | null = null;

const HOST_CSS = ':host{display:block;margin:1em 0;color:var(--fg);font:16px/1.45 var(--sans);text-align:left}';

async function mount(root: ShadowRoot, o: MountOptions): Promise<MountedEmbed> {
  const options = parseOptions(o.search);
  const fragment = o.fragment ?? (o.program === null ? '' : `code=${encodeURIComponent(o.program)}`);
  const program = await resolveProgram(fragment, options);
  if (options.start === null && program.position !== null) options.start = program.position;
  const style = document.createElement('style');
  style.textContent = shadowCss(`${xtermCss}\n${pageCss}\n${embedCss}\n${HOST_CSS}`, options.theme);
  const engine = (shared ??= new SharedEngine(o.createWorker));
  root.replaceChildren(style);
  const app = new EmbedApp(root, program, options, () => engine.port(), new URL(o.playgroundUrl), {
    keys: root,
    reportHeight: false,
    runNow: o.runNow,
  });
  if (o.focus) app.focusRun();
  return app;
}

const api: InterleaveEmbedApi & { engine(): SharedEngine | null } = { mount, engine: () => shared };
(self as unknown as { InterleaveEmbed: typeof api }).InterleaveEmbed = api;
