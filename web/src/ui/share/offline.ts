// Offline: registers the service worker (public/sw.js) next to the page, so a built page
// keeps working without a network once it has loaded. Skipped where it cannot or should
// not run: no service worker support, an opaque origin (a sandboxed iframe), an insecure
// page, or the dev server. Registration problems are ignored: the page works without it.

/** canRegister tells whether this page may register a service worker. */
export function canRegister(win: Window = window): boolean {
  try {
    if (win.origin === 'null' || !win.isSecureContext) return false;
    if (!('serviceWorker' in win.navigator)) return false;
    // canRegister: the dev server serves the modules unbundled as .ts files; only a built page registers.
    return !new URL(import.meta.url).pathname.endsWith('.ts');
  } catch {
    return false;
  }
}

/** registerOffline registers sw.js (scope: the page's directory) once the page has loaded. */
export function registerOffline(win: Window = window): void {
  if (!canRegister(win)) return;
  const register = () => {
    try {
      win.navigator.serviceWorker
        .register(new URL('sw.js', win.document.baseURI), { updateViaCache: 'none' })
        .catch(() => undefined);
    } catch {
      // registerOffline: a browser that refuses (privacy mode, storage off) leaves the page online-only.
    }
  };
  if (win.document.readyState === 'complete') register();
  else win.addEventListener('load', register, { once: true });
}
