// The console's build: a static bundle in admin/dist that the API server serves
// at /admin/ (server/app/console.ts). Vite 8 compiles TSX itself (automatic JSX
// runtime), so no React plugin is needed for a production build.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // MUI's modules start with "use client" (for React Server Components), which a browser bundle ignores
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        // the framework in its own long-lived chunks; each resource's pages are split by their lazy imports
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/ },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/uploads': 'http://127.0.0.1:4000', '/exports': 'http://127.0.0.1:4000', '/staff-imports': 'http://127.0.0.1:4000' } },
});
