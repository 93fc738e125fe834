// Where the project's own files are, whether running from source (tests) or from dist/ (npm start).
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return start;
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const DEMO_CONFIG = path.join(PROJECT_ROOT, 'server', 'config', 'demo-hall.yaml');
