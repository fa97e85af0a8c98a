// The contract between the light element (interleave-embed.js) and the full embed UI it loads
// on the first Run (assets/embed-inline-<hash>.js, entry inline.ts): the UI script sets
// self.InterleaveEmbed, and the element mounts each embed into its own shadow root. Types only.

export interface MountOptions {
  /** search is the element's options as embed.html's query string (parseOptions reads it). */
  search: string;
  /** program is the element's program, or null when its `example` attribute names one. */
  program: string | null;
  /** fragment, when not null, is a URL fragment (#s=…, #code=…, or empty) to read the program and its settings from instead, as embed.html does. */
  fragment?: string | null;
  /** createWorker starts an engine worker; the UI calls it once per page (SharedEngine), and again only to replace a crashed one. */
  createWorker: () => Worker;
  /** playgroundUrl is the playground's index.html, for "Open in playground". */
  playgroundUrl: string;
  /** runNow runs at once; focus moves focus to the new Run button. */
  runNow: boolean;
  focus: boolean;
}

export interface MountedEmbed {
  dispose(): void;
}

export interface InterleaveEmbedApi {
  mount(root: ShadowRoot, options: MountOptions): Promise<MountedEmbed>;
}
