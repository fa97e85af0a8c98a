// Saving a file from the page: a Blob behind an <a download> link. Sandboxed frames may
// block downloads without telling the page, so callers get a note to show in that case.

/** framedNote explains a download that may have been blocked by the frame the page runs in, or ''. */
export function framedNote(): string {
  let framed = false;
  try {
    framed = window.self !== window.top;
  } catch {
    framed = true;
  }
  if (!framed) return '';
  const sandboxed = self.origin === 'null';
  return sandboxed
    ? 'This page runs in a sandboxed frame, which usually blocks downloads: if no file appeared, open the program in the playground and export it there.'
    : 'This page runs in a frame that may block downloads: if no file appeared, open the program in the playground and export it there.';
}

/** download saves blob as fileName; it returns a note when the browser may have blocked it. */
export function download(blob: Blob, fileName: string): string {
  const link = document.createElement('a');
  if (!('download' in link))
    throw new Error('this browser cannot save files from a page; copy the output from the terminal instead');
  const url = URL.createObjectURL(blob);
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser reads the blob after the click returns; a minute is ample before freeing it.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return framedNote();
}

/** fileSlug turns a program or example name into a safe file-name part. */
export function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/\.py$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'program';
}

/** formatBytes renders a file size: 812 B, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
