import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const nodeModules = fileURLToPath(new URL('./node_modules/', import.meta.url));

// Kaoto's stylesheets import packages webpack-style ('~@patternfly/...'); Sass resolves them from node_modules here
const tildeImporter = {
  findFileUrl: (url) => (url.startsWith('~') ? pathToFileURL(nodeModules + url.substring(1)) : null),
};

export default defineConfig({
  plugins: [react()],
  // Kaoto's modules use top-level await
  build: { target: 'es2022', chunkSizeWarningLimit: 20000, reportCompressedSize: false },
  optimizeDeps: { esbuildOptions: { target: 'es2022' } },
  css: { preprocessorOptions: { scss: { api: 'modern-compiler', importers: [tildeImporter] } } },
});
