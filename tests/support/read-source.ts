import { openLibraryStore } from '../../main/storage/library-store';

/** The kept original of an article, read as a second, read-only client would (beside the open library). */
export async function readSourceOf(libraryDir: string, id: string): Promise<{ bytes: Uint8Array; ext: string }> {
  const store = await openLibraryStore(libraryDir, { readOnly: true });
  try {
    return await store.readSource(id);
  } finally {
    await store.close();
  }
}
