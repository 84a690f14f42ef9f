// The elements' language catalogues are kept up to date with the source:
// extracting and building them again from the code changes nothing, and
// every message has a translation in every language.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const xliffDir = join(root, config.interchange.xliffDir);
const outputDir = join(root, config.output.outputDir);
const fix = 'run `npm run locales:extract`, translate what is new, then `npm run locales:build`';

describe('the language catalogues', () => {
  let work: string;
  before(() => {
    // lit-localize writes where its config says: a copy of the config points it at a scratch copy of the catalogues.
    work = mkdtempSync(join(tmpdir(), 'peer-locales-'));
    cpSync(xliffDir, join(work, 'xliff'), { recursive: true });
    const scratch = {
      ...config,
      tsConfig: join(root, config.tsConfig),
      output: { ...config.output, outputDir: join(work, 'generated'), localeCodesModule: join(work, 'generated/locale-codes.ts') },
      interchange: { ...config.interchange, xliffDir: join(work, 'xliff') },
    };
    writeFileSync(join(work, 'lit-localize.json'), JSON.stringify(scratch));
    const cli = join(root, 'node_modules/.bin/lit-localize');
    for (const step of ['extract', 'build'])
      execFileSync(cli, [step, '--config', join(work, 'lit-localize.json')], { cwd: root, stdio: 'pipe' });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('hold every message the elements show, and no other', () => {
    for (const file of readdirSync(xliffDir)) {
      assert.equal(readFileSync(join(work, 'xliff', file), 'utf8'), readFileSync(join(xliffDir, file), 'utf8'), `${file} is stale: ${fix}`);
    }
  });

  it('translate every message into every language', () => {
    for (const locale of config.targetLocales as string[]) {
      const xliff = readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8');
      const untranslated = [...xliff.matchAll(/<trans-unit id="([^"]+)">(?:(?!<\/trans-unit>)[\s\S])*<\/trans-unit>/g)]
        .filter((unit) => !unit[0].includes('<target'))
        .map((unit) => unit[1]);
      assert.deepEqual(untranslated, [], `${locale}: messages without a translation: ${fix}`);
    }
  });

  it('are built into the modules the elements load', () => {
    for (const file of readdirSync(join(work, 'generated'))) {
      assert.equal(
        readFileSync(join(outputDir, file), 'utf8'),
        readFileSync(join(work, 'generated', file), 'utf8'),
        `${file} is stale: run \`npm run locales:build\``,
      );
    }
  });
});
