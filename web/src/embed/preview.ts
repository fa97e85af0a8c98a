// The static timeline picture of an embed before its first run: the Embed dialog writes the
// playground's real run as a compact `preview` attribute, and the light element
// (interleave-embed.js) draws it. The format is JSON:
//   {"v":1,"t":<total seconds>,"l":[["<lane name>",[[state,t0,t1],...]],...]}
// where state is 0 running, 1 ready, 2 waiting. At most MAX_LANES lanes and MAX_SEGMENTS
// segments; parsePreview checks and clamps everything and returns null for anything else.
// No DOM here.

export const MAX_LANES = 8;
export const MAX_SEGMENTS = 200;
export const MAX_PREVIEW_CHARS = 16_000;
const MAX_NAME = 40;

export interface PreviewLane {
  name: string;
  /** segments are [state, t0, t1] with 0 <= t0 < t1 <= total. */
  segments: [number, number, number][];
}

export interface Preview {
  total: number;
  lanes: PreviewLane[];
}

/** LaneSource is what encodePreview reads of a trace's task lane (a SegmentList's columns). */
export interface LaneSource {
  name: string;
  count: number;
  start(i: number): number;
  end(i: number): number;
  /** bucket: 0 running, 1 ready, 2 waiting, 3 none (not started, done). */
  bucket(i: number): number;
}

const round = (x: number) => Number(x.toPrecision(4));

/** encodePreview writes up to MAX_LANES lanes of a finished run, merging and dropping the shortest segments to stay within MAX_SEGMENTS. */
export function encodePreview(lanes: readonly LaneSource[], total: number): string | null {
  if (!(total > 0) || !Number.isFinite(total)) return null;
  const picked = lanes.slice(0, MAX_LANES).map((lane) => {
    const segments: [number, number, number][] = [];
    for (let i = 0; i < lane.count; i++) {
      const b = lane.bucket(i);
      const t0 = Math.max(0, lane.start(i));
      const t1 = Math.min(total, Number.isFinite(lane.end(i)) ? lane.end(i) : total);
      if (b > 2 || !(t1 > t0)) continue;
      const last = segments[segments.length - 1];
      if (last && last[0] === b && t0 - last[2] <= total * 1e-6) last[2] = t1;
      else segments.push([b, t0, t1]);
    }
    return { name: lane.name.slice(0, MAX_NAME), segments };
  });
  const all = picked.flatMap((l) => l.segments);
  if (all.length > MAX_SEGMENTS) {
    // Keep the longest segments: the picture loses only stretches too short to see.
    const cut = all.map((s) => s[2] - s[1]).sort((a, b) => b - a)[MAX_SEGMENTS - 1];
    let budget = MAX_SEGMENTS;
    for (const lane of picked) {
      lane.segments = lane.segments.filter((s) => s[2] - s[1] >= cut && budget-- > 0);
    }
  }
  const out = {
    v: 1,
    t: round(total),
    l: picked.map((l) => [l.name, l.segments.map(([b, t0, t1]) => [b, round(t0), round(t1)])]),
  };
  return JSON.stringify(out);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** parsePreview reads a preview attribute; null when it is missing or not a valid preview. */
export function parsePreview(text: string | null): Preview | null {
  if (!text || text.length > MAX_PREVIEW_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { t, l } = data as { t?: unknown; l?: unknown };
  if (!isNum(t) || t <= 0 || t > 1e9 || !Array.isArray(l)) return null;
  const lanes: PreviewLane[] = [];
  let count = 0;
  for (const lane of l.slice(0, MAX_LANES)) {
    if (!Array.isArray(lane) || typeof lane[0] !== 'string' || !Array.isArray(lane[1])) return null;
    const segments: [number, number, number][] = [];
    for (const s of lane[1] as unknown[]) {
      if (count >= MAX_SEGMENTS) break;
      if (!Array.isArray(s) || s.length !== 3 || !s.every(isNum)) return null;
      const [b, a, z] = s as number[];
      if (b !== 0 && b !== 1 && b !== 2) return null;
      const t0 = Math.min(Math.max(a, 0), t);
      const t1 = Math.min(Math.max(z, 0), t);
      if (t1 <= t0) continue;
      segments.push([b, t0, t1]);
      count++;
    }
    lanes.push({ name: lane[0].slice(0, MAX_NAME), segments });
  }
  return lanes.length > 0 ? { total: t, lanes } : null;
}
