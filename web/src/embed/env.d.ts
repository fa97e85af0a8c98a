// Modules the embed build provides (vite.config.ts, embedModules) and the define it sets.
declare module 'virtual:interleave-wasm' {
  /** the engine's wasm bytes, base64. */
  const wasm: string;
  export default wasm;
}

declare module 'virtual:interleave-examples' {
  /** index is public/examples/index.json; sources maps each file name to its program. */
  const examples: { index: unknown; sources: Record<string, string> };
  export default examples;
}

declare module '*.css?inline' {
  const css: string;
  export default css;
}

/** __EMBED_ENGINE__ is the engine worker script's path relative to embed.html. */
declare const __EMBED_ENGINE__: string;

/** __EMBED_LIBRARY__ is the library archive's classic script, relative to the site's root (beside the engine in assets/). */
declare const __EMBED_LIBRARY__: string;
