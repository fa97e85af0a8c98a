// Share links: the program, its settings, the example it came from and a playback position,
// packed into the URL fragment as "s=1.<base64url(deflate-raw(JSON))>". Decoding checks
// sizes, bytes and every field, so a damaged or hostile link only ever becomes an error
// message; strings come back as plain data for the caller to show as text. No DOM here.
import { isSchedule } from '../../engine/protocol';
import { SETTING_KINDS, type Settings, normalizeSettings } from '../../engine/settings';

export interface SharedState {
  /** code is the program text. */
  code: string;
  settings: Settings;
  /** example names the example the code comes from, when it is unedited. */
  example?: string;
  /** position is the playback position in simulated seconds. */
  position?: number;
}

export type DecodeResult = { ok: true; state: SharedState } | { ok: false; error: string };

/** SHARE_VERSION is the format number after "s="; a page reads only its own format. */
export const SHARE_VERSION = 1;
/** MAX_CODE_BYTES bounds the program a link carries (UTF-8 bytes). */
export const MAX_CODE_BYTES = 64 * 1024;
/** MAX_JSON_BYTES bounds the decompressed data, so a tiny link cannot inflate into megabytes. */
export const MAX_JSON_BYTES = 2 * MAX_CODE_BYTES + 4096;
/** MAX_PAYLOAD_CHARS bounds the compressed part of the fragment (base64url characters). */
export const MAX_PAYLOAD_CHARS = 128 * 1024;
/** MAX_POSITION bounds a shared playback position (simulated seconds). */
export const MAX_POSITION = 1e9;

const PREFIX = 's=';
const EXAMPLE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** ShareError is thrown by encodeShare when the state cannot become a link (too large). */
export class ShareError extends Error {}

/** isShareFragment tells whether a URL fragment (with or without '#') is meant as a share link. */
export function isShareFragment(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(PREFIX);
}

/** codeBytes is the program's size as the limits count it (UTF-8). */
export function codeBytes(code: string): number {
  return new TextEncoder().encode(code).byteLength;
}

/** encodeShare returns the fragment without '#': "s=1.<base64url(deflate-raw(JSON))>". */
export async function encodeShare(state: SharedState): Promise<string> {
  const size = codeBytes(state.code);
  if (size > MAX_CODE_BYTES)
    throw new ShareError(
      `The program is too long to share as a link (${kb(size)}; links carry up to ${kb(MAX_CODE_BYTES)}).`,
    );
  const data: Record<string, unknown> = { code: state.code, settings: normalizeSettings(state.settings) };
  if (state.example !== undefined && EXAMPLE_NAME.test(state.example)) data.example = state.example;
  if (state.position !== undefined && Number.isFinite(state.position) && state.position >= 0)
    data.position = Math.min(state.position, MAX_POSITION);
  const json = new TextEncoder().encode(JSON.stringify(data));
  if (json.byteLength > MAX_JSON_BYTES)
    throw new ShareError(
      `The program is too long to share as a link (${kb(json.byteLength)} once encoded; the limit is ${kb(MAX_JSON_BYTES)}).`,
    );
  const payload = toBase64Url(await deflate(json));
  if (payload.length > MAX_PAYLOAD_CHARS)
    throw new ShareError(
      `The program does not compress enough to share as a link (${kb(payload.length)}; the limit is ${kb(MAX_PAYLOAD_CHARS)}).`,
    );
  return `${PREFIX}${SHARE_VERSION}.${payload}`;
}

/** decodeShare validates everything; never throws. */
export async function decodeShare(fragment: string): Promise<DecodeResult> {
  try {
    return await decode(fragment);
  } catch {
    return fail('The link is damaged: its data could not be read. It may have been cut off when it was copied.');
  }
}

function fail(error: string): DecodeResult {
  return { ok: false, error };
}

async function decode(fragment: string): Promise<DecodeResult> {
  const text = fragment.trim().replace(/^#/, '');
  if (!text.startsWith(PREFIX)) return fail('This is not a share link: it should start with #s=.');
  const body = text.slice(PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot < 0 ? body : body.slice(0, dot);
  if (!/^\d{1,4}$/.test(version)) return fail('The link is damaged: it has no format number. Ask for the link again.');
  if (Number(version) !== SHARE_VERSION) {
    return fail(
      `The link uses share format ${Number(version)}, but this page reads format ${SHARE_VERSION}. Open it with the version of Interleave that made it.`,
    );
  }
  const payload = dot < 0 ? '' : body.slice(dot + 1);
  if (payload.length === 0)
    return fail('The link is empty: it carries no program. It may have been cut off when it was copied.');
  if (payload.length > MAX_PAYLOAD_CHARS)
    return fail(`The link is too large (${kb(payload.length)}; links carry up to ${kb(MAX_PAYLOAD_CHARS)} of data).`);
  const bytes = fromBase64Url(payload);
  if (!bytes)
    return fail(
      'The link is damaged: it contains characters a share link never has. It may have been edited or cut off.',
    );
  const json = await inflate(bytes, MAX_JSON_BYTES);
  if (json === 'too-large')
    return fail(`The link is too large: its program unpacks to more than ${kb(MAX_JSON_BYTES)}.`);
  if (json === null) return fail('The link is damaged or cut off: its data does not unpack. Ask for the link again.');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return fail('The link is damaged: its data is not a saved program.');
  }
  return validate(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** validate checks the decoded JSON against the format's schema. */
export function validate(value: unknown): DecodeResult {
  if (!isRecord(value)) return fail('The link is damaged: its data is not a saved program.');
  const code = own(value, 'code');
  if (typeof code !== 'string') return fail('The link carries no program text.');
  const size = codeBytes(code);
  if (size > MAX_CODE_BYTES)
    return fail(`The link is too large: its program is ${kb(size)} (links carry up to ${kb(MAX_CODE_BYTES)}).`);
  const settings = own(value, 'settings');
  if (settings !== undefined && !isRecord(settings)) return fail("The link's settings are not valid.");
  const copied: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(SETTING_KINDS)) {
    const v = settings ? own(settings, key) : undefined;
    if (v === undefined) continue;
    if (type === 'schedule') {
      if (v !== null && !isSchedule(v))
        return fail(
          "The link's schedule is not valid (expected up to 4096 letters, digits, dots, dashes, underscores and tildes).",
        );
      copied[key] = v;
      continue;
    }
    const ok =
      type === 'boolean'
        ? typeof v === 'boolean'
        : (typeof v === 'number' && Number.isFinite(v)) || (type === 'number|null' && v === null);
    if (!ok)
      return fail(
        `The link's setting ${key} is not valid (expected ${type === 'number|null' ? 'a number or none' : `a ${type}`}).`,
      );
    copied[key] = v;
  }
  const state: SharedState = { code, settings: normalizeSettings(copied) };
  const example = own(value, 'example');
  if (example !== undefined) {
    if (typeof example !== 'string' || !EXAMPLE_NAME.test(example))
      return fail("The link's example name is not valid.");
    state.example = example;
  }
  const position = own(value, 'position');
  if (position !== undefined) {
    if (typeof position !== 'number' || !Number.isFinite(position) || position < 0 || position > MAX_POSITION) {
      return fail("The link's playback position is not valid (expected a time in seconds).");
    }
    state.position = position;
  }
  return { ok: true, state };
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// inflate stops reading once the output passes limit, so a small bomb costs little.
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array | 'too-large' | null> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  writer.write(bytes as BufferSource).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** toBase64Url encodes bytes without padding, safe in a URL fragment. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** fromBase64Url decodes unpadded base64url; null for anything else. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
