// Run by kill-harness.test.ts: writes to a library as fast as it can and
// prints "<what> <n>" once each write is acknowledged, until it is SIGKILLed.
import { openLibraryStore } from '../../main/storage/library-store';
import { makeArticle } from './store-test-helpers';

async function main(dir: string): Promise<void> {
  const store = await openLibraryStore(dir, { backupPolicy: { minIntervalMs: 0 } });
  if (!store.getSummary('k1')) await store.addArticle(makeArticle('k1', 'Killed Often', 20_000));
  let n = (await store.getState('k1')).position + 1;
  process.stdout.write('ready\n');
  for (;;) {
    await store.updateState('k1', (s) => ({ ...s, position: n, note: `note ${n}` }));
    process.stdout.write(`state ${n}\n`);
    await store.updateSettings({ fontSize: n });
    process.stdout.write(`settings ${n}\n`);
    await store.updateSummary('k1', { wordCount: n });
    process.stdout.write(`index ${n}\n`);
    await store.setCorrections([
      { id: `c${n}`, created: '2026-11-27T00:00:00Z', correction: { kind: 'hide', key: `person:${n}` } },
    ]);
    process.stdout.write(`entities ${n}\n`);
    if (n % 20 === 0) {
      await store.addArticle(makeArticle(`add${n}`, `Added ${n}`));
      process.stdout.write(`add ${n}\n`);
    }
    n += 1;
  }
}

main(process.argv[2]!).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
