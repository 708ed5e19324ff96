import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into target/dist, which the launcher's console server serves (ADR 0020). `npm run dev` proxies the APIs
// to a platform started by deploy/run.sh, as the console server does.
const api = { members: 8081, proposals: 8082, consultation: 8083, notification: 8084 };
export default defineConfig({
  plugins: [vue()],
  build: { outDir: 'target/dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: 8080,
    proxy: Object.fromEntries(Object.entries(api).map(([p, port]) => [`/${p}/`, {
      target: `http://localhost:${port}`, rewrite: (path) => path.slice(p.length + 1),
    }])),
  },
});
