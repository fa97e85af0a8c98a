// Imported first by the embed page's script (page.ts): the light element resolves the full
// embed's and the engine's script names against the site's root, where embed.html is, not
// against assets/, where this script is.
(self as { __interleaveEmbedBase?: string }).__interleaveEmbedBase = document.baseURI;
