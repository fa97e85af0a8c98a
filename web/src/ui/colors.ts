// Colours: one per task (for cursors, chips and resource lanes) and one fill per state,
// chosen from colour-blind-safe palettes; the timeline adds a pattern to every state fill.
import { STYLE_MASK, Style, TASK_COLOR_SHIFT } from './timeline/model';

/** TASK_COLORS: Tableau 10, distinct for the common forms of colour blindness in pairs. */
export const TASK_COLORS: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function taskColor(index: number): string {
  return TASK_COLORS[((index % TASK_COLORS.length) + TASK_COLORS.length) % TASK_COLORS.length];
}

export type PatternKind = 'solid' | 'stripes' | 'hatch' | 'backhatch' | 'dots' | 'cross' | 'lines' | 'zigzag';

export interface StateFill {
  color: string;
  pattern: PatternKind;
}

/** STATE_FILLS (Okabe–Ito colours) for each Style; the pattern tells states apart without colour. */
export const STATE_FILLS: Record<number, StateFill> = {
  [Style.Running]: { color: '#009e73', pattern: 'solid' },
  [Style.Cpu]: { color: '#009e73', pattern: 'stripes' },
  [Style.ReadyStart]: { color: '#e69f00', pattern: 'dots' },
  [Style.ReadyCore]: { color: '#e69f00', pattern: 'hatch' },
  [Style.ReadyGil]: { color: '#d55e00', pattern: 'backhatch' },
  [Style.ReadyWake]: { color: '#e69f00', pattern: 'hatch' },
  [Style.WaitSleep]: { color: '#56b4e9', pattern: 'dots' },
  [Style.WaitSync]: { color: '#0072b2', pattern: 'cross' },
  [Style.WaitIo]: { color: '#cc79a7', pattern: 'lines' },
  [Style.WaitOther]: { color: '#999999', pattern: 'dots' },
  [Style.Stall]: { color: '#d55e00', pattern: 'zigzag' },
};

/** fillOf resolves a draw-model style to a colour and pattern. */
export function fillOf(style: number): StateFill {
  const base = style & STYLE_MASK;
  if (base === Style.Busy) return { color: taskColor(style >> TASK_COLOR_SHIFT), pattern: 'solid' };
  return STATE_FILLS[base] ?? { color: '#888888', pattern: 'solid' };
}

/** paintPattern draws one tile of a pattern (size × size) into a 2D context. */
export function paintPattern(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  fill: StateFill,
  size: number,
  dark: boolean,
): void {
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = fill.color;
  ctx.globalAlpha = fill.pattern === 'solid' ? 1 : 0.55;
  ctx.fillRect(0, 0, size, size);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = dark ? 'rgba(255,255,255,0.85)' : 'rgba(0,0,0,0.6)';
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = Math.max(1, size / 8);
  const s = size;
  ctx.beginPath();
  switch (fill.pattern) {
    case 'stripes':
      ctx.strokeStyle = fill.color;
      ctx.globalAlpha = 1;
      ctx.lineWidth = s / 3;
      ctx.moveTo(0, s);
      ctx.lineTo(s, 0);
      ctx.moveTo(-s / 2, s / 2);
      ctx.lineTo(s / 2, -s / 2);
      ctx.moveTo(s / 2, s * 1.5);
      ctx.lineTo(s * 1.5, s / 2);
      break;
    case 'hatch':
      ctx.moveTo(0, s);
      ctx.lineTo(s, 0);
      ctx.moveTo(-s / 2, s / 2);
      ctx.lineTo(s / 2, -s / 2);
      ctx.moveTo(s / 2, s * 1.5);
      ctx.lineTo(s * 1.5, s / 2);
      break;
    case 'backhatch':
      ctx.moveTo(0, 0);
      ctx.lineTo(s, s);
      ctx.moveTo(-s / 2, s / 2);
      ctx.lineTo(s / 2, s * 1.5);
      ctx.moveTo(s / 2, -s / 2);
      ctx.lineTo(s * 1.5, s / 2);
      break;
    case 'cross':
      ctx.moveTo(0, s / 2);
      ctx.lineTo(s, s / 2);
      ctx.moveTo(s / 2, 0);
      ctx.lineTo(s / 2, s);
      break;
    case 'lines':
      ctx.moveTo(0, s / 4);
      ctx.lineTo(s, s / 4);
      ctx.moveTo(0, (3 * s) / 4);
      ctx.lineTo(s, (3 * s) / 4);
      break;
    case 'zigzag':
      ctx.lineWidth = Math.max(1.5, s / 5);
      ctx.moveTo(0, s * 0.7);
      ctx.lineTo(s / 2, s * 0.3);
      ctx.lineTo(s, s * 0.7);
      break;
    case 'dots':
      ctx.arc(s / 4, s / 4, s / 9, 0, Math.PI * 2);
      ctx.moveTo((3 * s) / 4 + s / 9, (3 * s) / 4);
      ctx.arc((3 * s) / 4, (3 * s) / 4, s / 9, 0, Math.PI * 2);
      ctx.fill();
      return;
    default:
      return;
  }
  ctx.stroke();
}
