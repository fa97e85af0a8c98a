// Inline SVG icons for the transport, so they render the same on every system font.
const PATHS: Record<string, string> = {
  start: 'M5 4h2v16H5zM20 4v16L9 12z',
  prevSwitch: 'M12 4v16L3 12zM21 4v16l-9-8z',
  prevEvent: 'M17 4v16L7 12zM5 4h2v16H5z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  nextEvent: 'M7 4v16l10-8zM17 4h2v16h-2z',
  nextSwitch: 'M3 4v16l9-8zM12 4v16l9-8z',
  end: 'M4 4v16l11-8zM17 4h2v16h-2z',
};

export type IconName = keyof typeof PATHS;

/** icon builds an SVG element for a named icon (decorative: the button carries the label). */
export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
