// Two entry pages so the citizen flow never downloads the officer console: index.html (citizens,
// development mailbox) and operatore.html (officers). `npm run dev:web` proxies the API to :3000.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { citizen: here('./index.html'), operator: here('./operatore.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
