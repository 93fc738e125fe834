// A benchmark's figures in docs/benchmarks.md: between its markers `<!-- name -->` … `<!-- /name -->`,
// replaced on each `--write`; a new section (heading and intro) at the end when the markers are not there yet.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/paths';

export function writeBenchSection(name: string, text: string, newSection: { heading: string; intro: string }): void {
  const file = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
  const old = readFileSync(file, 'utf8');
  const [start, end] = [`<!-- ${name} -->`, `<!-- /${name} -->`];
  const block = `${start}\n${text}\n${end}`;
  const a = old.indexOf(start);
  const b = old.indexOf(end, a);
  const next =
    a >= 0 && b >= 0
      ? old.slice(0, a) + block + old.slice(b + end.length)
      : `${old}\n## ${newSection.heading}\n\n${newSection.intro}\n\n${block}\n`;
  writeFileSync(file, next);
  console.log(`updated ${file}`);
}
