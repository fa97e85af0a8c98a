// The embed's engine worker: the playground's worker (engine/worker.ts) with the wasm built
// in. The embed runs with an opaque origin (sandboxed iframe), where fetching the wasm from a
// host that sends no CORS headers fails; the worker's fetch of the wasm is answered from these bytes.
import wasm from 'virtual:interleave-wasm';
import '../engine/worker';

interface FetchScope {
  fetch: typeof fetch;
  importScripts(...urls: string[]): void;
  __interleaveBase: string;
  __interleaveLibrary?: string;
}

let bytes: Uint8Array<ArrayBuffer> | null = null;

// decode turns the base64 text into bytes once, on the first run.
function decode(): Uint8Array<ArrayBuffer> {
  if (bytes) return bytes;
  const text = atob(wasm);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  bytes = out;
  return out;
}

const scope = self as unknown as FetchScope;
const network = scope.fetch.bind(self);
scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('interleave-library.txt')) {
    // The library loads like the engine, as a classic script (no CORS needed), on first use.
    try {
      if (scope.__interleaveLibrary === undefined)
        scope.importScripts(new URL(`../${__EMBED_LIBRARY__}`, scope.__interleaveBase).href);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve(
      new Response(scope.__interleaveLibrary ?? '', { headers: { 'Content-Type': 'text/plain' } }),
    );
  }
  if (!url.endsWith('.wasm')) return network(input, init);
  return Promise.resolve(new Response(decode(), { headers: { 'Content-Type': 'application/wasm' } }));
};
