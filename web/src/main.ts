// The playground page's entry: start the app with the engine worker, keyboard shortcuts
// and the test hook. Everything else lives in ui/.
import './style.css';
import { App } from './ui/app/app';
import { installShortcuts } from './ui/app/shortcuts';
import { registerOffline } from './ui/share/offline';
import { installSharing } from './ui/share/share';
import type { EmbedDialog } from './embed/embed-dialog';
import { byId, listen } from './ui/dom';
import { installScheduler } from './ui/scheduler/install';
import { hydrateIcons } from './ui/icons';

hydrateIcons(document);

const createWorker = () =>
  new Worker(new URL('./engine/worker.ts', import.meta.url), { type: 'module', name: 'interleave-engine' });

const app = new App(createWorker, new URL('./examples/', document.baseURI));
installShortcuts(app);
const scheduler = installScheduler(app, createWorker);
// The test hook (window.__interleave) is its own chunk: the page's first load does not carry it.
void import('./ui/app/test-hook').then(({ installTestHook }) => installTestHook(app, createWorker, scheduler));
installSharing(app);
// embedDialog loads on the Embed button's first click, so the page's first load does not carry it.
let embedDialog: Promise<EmbedDialog> | null = null;
listen(byId('embed-button'), 'click', () => {
  embedDialog ??= import('./embed/embed-dialog').then(({ EmbedDialog }) => new EmbedDialog(app));
  void embedDialog.then((dialog) => dialog.open());
});
registerOffline();
