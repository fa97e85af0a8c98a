// The playground's "Embed" dialog: the program, its settings and the chosen options as an
// <iframe> snippet and as an <interleave-playground> snippet, each with a Copy button. When
// the clipboard is unavailable the snippet stays selected in its text box for Ctrl+C.
import type { Trace } from '../player/trace';
import type { Settings } from '../engine/settings';
import { type Disposable, DisposableStore, h, listen } from '../ui/dom';
import { encodeShare } from '../ui/share/link';
import { type Panel, PANELS, type Theme } from './options';
import { tracePreview } from './preview-trace';
import { type SnippetOptions, componentSnippet, embedUrl, iframeSnippet } from './snippet';
import './embed-dialog.css';
import { lineIcon } from '../ui/icons';

const CLIPBOARD_TIMEOUT_MS = 2000;

// copyText gives up after a timeout: a clipboard that never answers must not hang the button.
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS));
    return await Promise.race([navigator.clipboard.writeText(text).then(() => true), timeout]);
  } catch {
    return false;
  }
}

/** EmbedPage is what the dialog reads of the playground (its App): the program, its settings and the run on screen. */
export interface EmbedPage {
  readonly editor: { readonly text: string };
  readonly settings: Settings;
  readonly example: { readonly name: string; readonly variant?: boolean } | null;
  readonly player: { readonly trace: Trace; readonly playhead: { readonly time: number } };
}

export class EmbedDialog implements Disposable {
  readonly dialog: HTMLDialogElement;
  private readonly store = new DisposableStore();
  private readonly readonly = h('input', { type: 'checkbox', name: 'readonly' });
  private readonly autoplay = h('input', { type: 'checkbox', name: 'autoplay' });
  private readonly startHere = h('input', { type: 'checkbox', name: 'start' });
  private readonly theme = h(
    'select',
    { name: 'theme', 'aria-label': 'Theme' },
    h('option', { value: 'auto' }, 'theme: reader’s system'),
    h('option', { value: 'light' }, 'theme: light'),
    h('option', { value: 'dark' }, 'theme: dark'),
  );
  private readonly panels = new Map<Panel, HTMLInputElement>(
    PANELS.map((p) => [p, h('input', { type: 'checkbox', name: `panel-${p}`, checked: true })]),
  );
  private readonly iframeBox = h('textarea', {
    class: 'embed-snippet',
    readonly: true,
    rows: 4,
    spellcheck: 'false',
    'aria-label': 'iframe snippet',
  });
  private readonly componentBox = h('textarea', {
    class: 'embed-snippet',
    readonly: true,
    rows: 6,
    spellcheck: 'false',
    'aria-label': 'Web component snippet',
  });
  private readonly message = h('p', { class: 'embed-dialog-message', role: 'status', 'aria-live': 'polite' });
  private version = 0;

  constructor(private readonly app: EmbedPage) {
    const label = (input: HTMLElement, text: string) => h('label', { class: 'embed-option' }, input, ` ${text}`);
    const copyButton = (box: HTMLTextAreaElement, what: string) => {
      const b = h('button', { type: 'button', class: 'button-primary' }, `Copy ${what}`);
      this.store.add(listen(b, 'click', () => void this.copy(box, what)));
      return b;
    };
    const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close' }, lineIcon('close'));
    this.dialog = h(
      'dialog',
      { class: 'dialog embed-dialog', 'aria-label': 'Embed this program' },
      h('header', { class: 'dialog-header' }, h('h2', {}, 'Embed this program'), close),
      h(
        'fieldset',
        { class: 'embed-options' },
        h('legend', {}, 'Options'),
        label(this.readonly, 'read-only'),
        label(this.autoplay, 'autoplay'),
        label(this.startHere, 'open at the current position'),
        ...PANELS.map((p) => label(this.panels.get(p) as HTMLInputElement, `show ${p}`)),
        this.theme,
      ),
      h('h3', {}, 'As an iframe (any site, no script)'),
      this.iframeBox,
      copyButton(this.iframeBox, 'iframe'),
      h('h3', {}, 'As a web component (one script per page, the program as text)'),
      this.componentBox,
      copyButton(this.componentBox, 'web component'),
      this.message,
    );
    document.body.append(this.dialog);
    this.store.add({ dispose: () => this.dialog.remove() });
    this.store.add(listen(close, 'click', () => this.dialog.close()));
    for (const input of [this.readonly, this.autoplay, this.startHere, this.theme, ...this.panels.values()]) {
      this.store.add(listen(input, 'change', () => void this.update()));
    }
  }

  async open(): Promise<void> {
    this.message.textContent = '';
    if (!this.dialog.open) this.dialog.showModal();
    await this.update();
  }

  private options(): SnippetOptions {
    const panels = PANELS.filter((p) => this.panels.get(p)?.checked);
    return {
      readonly: this.readonly.checked,
      autoplay: this.autoplay.checked,
      panels: panels.length > 0 ? panels : [...PANELS],
      theme: this.theme.value as Theme,
      start: this.startHere.checked ? this.app.player.playhead.time : null,
    };
  }

  // update rebuilds both snippets from the editor's program and the chosen options.
  private async update(): Promise<void> {
    const version = ++this.version;
    const code = this.app.editor.text;
    const options = this.options();
    try {
      const example = this.app.example && !this.app.example.variant ? this.app.example.name : undefined;
      const fragment = await encodeShare({ code, settings: this.app.settings, example });
      if (version !== this.version) return;
      const page = new URL('embed.html', document.baseURI);
      this.iframeBox.value = iframeSnippet(embedUrl(page, options, fragment), code, options);
      const playground = new URL('index.html', document.baseURI);
      playground.hash = fragment;
      const extras = { preview: tracePreview(this.app.player.trace), playground: playground.href };
      this.componentBox.value = componentSnippet(
        new URL('interleave-embed.js', document.baseURI).href,
        code,
        options,
        this.app.settings,
        extras,
      );
    } catch (error) {
      this.iframeBox.value = '';
      this.componentBox.value = '';
      this.message.textContent = `This program cannot be embedded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async copy(box: HTMLTextAreaElement, what: string): Promise<void> {
    box.focus();
    box.select();
    const ok = await copyText(box.value);
    this.message.textContent = ok
      ? `Copied the ${what} snippet.`
      : 'The clipboard is not available here: the snippet is selected, press Ctrl+C (⌘+C) to copy it.';
  }

  dispose(): void {
    this.store.dispose();
  }
}
