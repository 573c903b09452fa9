import { afterAll } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import type { TestTarget } from './databases.js';

/**
 * Opens fresh stores on `backend` for the describe block it is called in; every store is closed and
 * its database removed after the block.
 */
export function freshStores(backend: TestTarget): () => Promise<Store> {
  let cleanup: () => Promise<void> = async () => {};
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await cleanup();
  });
  return async () => {
    const t = await backend.target();
    const previous = cleanup;
    cleanup = async () => { await previous(); await t.cleanup(); };
    const store = await openStore(t.target);
    stores.push(store);
    return store;
  };
}
