// xterm-styles: xterm.js's stylesheet, imported on the page's first use of the terminal (app.ts).
import '@xterm/xterm/css/xterm.css';
