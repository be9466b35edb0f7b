// Run as its own process by bench-memory.ts, so the figures hold only the
// services and the library: createGloss over LIBRARY, list, open a few articles.
import { createGloss } from '../../main/app/composition';

const dir = process.argv[2];
if (!dir) throw new Error('usage: memory-child.ts LIBRARY_DIR');
const gc = (globalThis as { gc?: () => void }).gc;
const snapshot = () => {
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
};

const before = snapshot();
const t0 = performance.now();
const gloss = await createGloss({ libraryDir: dir, welcome: false });
const openMs = performance.now() - t0;
const list = await gloss.api.listArticles({});
for (const a of list.slice(0, 20)) await gloss.api.getArticle({ id: a.id });
const after = snapshot();
await gloss.close();
process.stdout.write(JSON.stringify({ articles: list.length, openMs, before, after }) + '\n');
