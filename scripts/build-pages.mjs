// Builds the browser apps (vite.config.mts) for dist/web without a moment when the served pages are gone.
// `vite build` empties its output directory first, so a hall server running from this checkout (during an
// upgrade, or another test's server while `npm start` rebuilds) answered 404 for a page's scripts until the
// build ended. Here each build goes to a directory of its own (dist/web-STAMP), and dist/web is a symbolic
// link switched to the finished build in one rename: a request finds the old build or the new one, whole.
// The previous build stays (a request may have found its file a moment ago); older ones are removed.
// Plain JavaScript: `npm start` builds on a machine that may have no dev dependencies (tsx).
import { lstat, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const link = `${dist}web`;
const id = `${Date.now()}-${process.pid}`;
const building = `${dist}web.building-${id}`;
const isBuild = (name) => /^web-\d+-\d+$/.test(name);
const stamp = (name) => Number(name.split('-')[1]);

// As `vite build` does: production builds of the libraries (lit without its dev-mode checks).
process.env.NODE_ENV = 'production';

try {
  await build({
    configFile: fileURLToPath(new URL('../vite.config.mts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: building, emptyOutDir: true },
  });
  await rename(building, `${dist}web-${id}`);
  // dist/web as a plain directory (built before this script existed) is moved aside, once.
  const before = await lstat(link).catch(() => null);
  if (before && !before.isSymbolicLink()) await rename(link, `${dist}web-0-${process.pid}`);
  await symlink(`web-${id}`, `${link}.${id}`);
  await rename(`${link}.${id}`, link);
  const current = await readlink(link);
  const builds = (await readdir(dist)).filter(isBuild).sort((a, b) => stamp(a) - stamp(b));
  for (const name of builds.slice(0, -2))
    if (name !== current) await rm(`${dist}${name}`, { recursive: true, force: true });
} finally {
  await rm(building, { recursive: true, force: true });
}
