// Page object for embeds (an embed.html iframe or an <interleave-playground> element, whose
// shadow root Playwright's locators pierce): the program the embed tests run, and the output
// as the embed's terminal shows it.
import assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';

/** COUNTER is the two-thread counter the embed and accessibility tests run: it prints "count = 6". */
export const COUNTER = `import threading

count = 0

def work(name):
    global count
    for i in range(3):
        count += 1
    print(name, "finished")

threads = [threading.Thread(target=work, args=(n,)) for n in ("A", "B")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("count =", count)
`;

/** Scope is an embed page in an iframe, or an <interleave-playground> element (its shadow root). */
export type Scope = FrameLocator | Locator;

/** rowsOf is the embed terminal's rows. */
export const rowsOf = (scope: Scope) => scope.locator('.embed-output .xterm-rows > div');

/** waitForOutput reads what the embed's terminal shows on screen, once it contains every expected line. */
export async function waitForOutput(scope: Scope, lines: string[], timeout = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeout;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    rows = (await rowsOf(scope).allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).filter(Boolean);
    if (lines.every((l) => rows.includes(l))) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const status = await scope
    .locator('.embed-status')
    .innerText({ timeout: 1000 })
    .catch(() => 'no full embed');
  assert.fail(
    `the embed's output never showed ${JSON.stringify(lines)}; it shows ${JSON.stringify(rows)} (status: ${status})`,
  );
}
