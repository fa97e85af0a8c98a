// render: what an export needs to write its file, loaded by the Export menu on the first export
// so that the page's first load does not carry it.
export { chromeTraceParts, outputText } from './data';
export { canvasToPng, paintScene } from './png';
export { DARK, LIGHT, buildScene } from './scene';
export { sceneToSvg } from './svg';
