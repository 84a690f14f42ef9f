// A @web/test-runner command plugin: tests save what the browser shows, as a
// PNG screenshot or a printed PDF, into test/screenshots/ (git-ignored), so a
// person can look at the rendering a test checked.
//
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('peer-screenshot', { name: 'checklist-print' });
//   const { pages } = await executeServerCommand('peer-pdf', { name: 'checklist', format: 'A4' });
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test/screenshots';
const safe = (name) => String(name ?? 'screenshot').replace(/[^a-z0-9_-]+/gi, '-');

export function screenshotPlugin() {
  return {
    name: 'peer-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'peer-screenshot' && command !== 'peer-pdf') return undefined;
      const page = session.browser.getPage(session.id);
      mkdirSync(dir, { recursive: true });
      if (command === 'peer-screenshot') {
        const path = join(dir, `${safe(payload?.name)}.png`);
        await page.screenshot({ path, fullPage: payload?.fullPage ?? true });
        return { path };
      }
      const path = join(dir, `${safe(payload?.name)}.pdf`);
      // With margins, as a person printing gets them (the demo's pages ask for 15 mm; browsers give about 10).
      const margin = { top: '15mm', right: '15mm', bottom: '15mm', left: '15mm' };
      const pdf = Buffer.from(await page.pdf({ path, format: payload?.format ?? 'A4', printBackground: false, margin }));
      // Each page of a PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      return { path, pages };
    },
  };
}
