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

const SVG_NS = 'http://www.w3.org/2000/svg';

/** svgIcon builds a decorative (aria-hidden) inline SVG of a square size, such as '20' or '0.75em'. */
export function svgIcon(viewBox: string, size: string, ...children: SVGElement[]): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', viewBox);
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.append(...children);
  return svg;
}

/** svgPath is one path of an icon with its presentation attributes. */
export function svgPath(d: string, attrs: Record<string, string>): SVGPathElement {
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  for (const [k, v] of Object.entries(attrs)) path.setAttribute(k, v);
  return path;
}

/** icon builds an SVG element for a named icon (decorative: the button carries the label). */
export function icon(name: IconName): SVGSVGElement {
  return svgIcon('0 0 24 24', '20', svgPath(PATHS[name], { fill: 'currentColor' }));
}

// LINE_PATHS are stroked icons for buttons whose symbol characters (▶ ■ ⚙ ✕ …) are missing
// from common system fonts and would render as boxes.
const LINE_PATHS = {
  run: 'M7 4.5v15l12-7.5z',
  stop: 'M6 6h12v12H6z',
  restart: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  settings: 'M4 7h9M17 7h3M4 17h3M11 17h9M13 4.5v5M7 14.5v5',
  compare: 'M4 8h14M14 4l4 4-4 4M20 16H6M10 12l-4 4 4 4',
  scheduler: 'M8 20V5M4 9l4-4 4 4M16 4v15M12 15l4 4 4-4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  embed: 'M8 6l-6 6 6 6M16 6l6 6-6 6',
  export: 'M12 3v12M7 10l5 5 5-5M4 20h16',
  close: 'M6 6l12 12M18 6L6 18',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  find: 'M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM15.5 15.5L20 20M8 10.5h5',
} as const;

export type LineIconName = keyof typeof LINE_PATHS;

/** lineIcon builds a stroked SVG icon that inherits the text colour (decorative). */
export function lineIcon(name: LineIconName, size = 18): SVGSVGElement {
  const filled = name === 'run' || name === 'stop';
  const path = svgPath(LINE_PATHS[name], {
    fill: filled ? 'currentColor' : 'none',
    stroke: 'currentColor',
    'stroke-width': filled ? '1' : '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  });
  const svg = svgIcon('0 0 24 24', String(size), path);
  svg.setAttribute('class', 'line-icon');
  return svg;
}

/** setIconLabel gives a button an icon and a text label ("Run", "Restart"). */
export function setIconLabel(button: HTMLElement, name: LineIconName, text: string): void {
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = text;
  button.replaceChildren(lineIcon(name), label);
}

/** hydrateIcons fills every element with a data-icon attribute with that icon, before its text. */
export function hydrateIcons(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-icon]')) {
    const name = el.dataset.icon as LineIconName;
    if (name in LINE_PATHS && !el.querySelector(':scope > svg')) el.prepend(lineIcon(name));
  }
}
