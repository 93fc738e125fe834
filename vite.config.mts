// Builds the browser apps (lit), served by the hall server under /app/ from dist/web. `npm run build` runs it
// through scripts/build-pages.mjs, which switches dist/web to the finished build at once.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/app/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    // The dashboard and the back office share one ECharts chunk (about 540 kB, served from the hall: nothing
    // loads from the internet).
    chunkSizeWarningLimit: 600,
    target: 'es2022',
    rollupOptions: {
      input: {
        board: resolve(root, 'display/board.html'),
        kiosk: resolve(root, 'display/kiosk.html'),
        pad: resolve(root, 'display/pad.html'),
        'window-screen': resolve(root, 'display/window-screen.html'),
        ticket: resolve(root, 'display/ticket.html'),
        supervisor: resolve(root, 'display/supervisor.html'),
        admin: resolve(root, 'display/admin.html'),

        backoffice: resolve(root, 'display/backoffice.html'),
        guide: resolve(root, 'display/guide.html'),
        console: resolve(root, 'window-client/index.html'),
      },
    },
  },
});
