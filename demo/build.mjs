// Builds the demo site into dist/demo (served by `serve --demo`): every page
// gets the site's one header and footer (demo/partials), with the page's own
// navigation link marked, so the four pages share them without a script and
// nothing moves as a page loads.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompress } from '../tools/precompress.mjs';

const from = new URL('./', import.meta.url);
const to = new URL('../dist/demo/', import.meta.url);
const partial = (name) => readFileSync(new URL(`partials/${name}.html`, from), 'utf8').replace(/^<!--.*-->\n/, '');
const header = partial('header');
const footer = partial('footer');

rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  if (name === 'partials' || name === 'build.mjs') continue;
  if (!name.endsWith('.html')) {
    cpSync(new URL(name, from), new URL(name, to), { recursive: true });
    continue;
  }
  const path = name === 'index.html' ? '/' : `/${name}`;
  const page = readFileSync(new URL(name, from), 'utf8');
  const own = header.replace(`<li><a href="${path}">`, `<li><a href="${path}" aria-current="page">`);
  if (!page.includes('<!-- site-header -->') || !page.includes('<!-- site-footer -->')) {
    throw new Error(`demo/${name} lacks <!-- site-header --> or <!-- site-footer -->`);
  }
  writeFileSync(new URL(name, to), page.replace('    <!-- site-header -->\n', own).replace('    <!-- site-footer -->\n', footer));
}
precompress(fileURLToPath(to));
