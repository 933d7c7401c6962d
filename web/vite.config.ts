// Two entry pages so the citizen flow never downloads the officer console: index.html (citizens,
// development mailbox) and operatore.html (officers). `npm run dev:web` proxies the API to :3000.
// Every text file of the build also gets .br and .gz copies (precompress.ts) that the server sends
// as they are.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react(), precompress()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { citizen: here('./index.html'), operator: here('./operatore.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
