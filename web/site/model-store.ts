// A learner's trained model, kept in this browser's IndexedDB so it survives a reload: one record
// per lesson (its own database), holding the safetensors bytes and whatever the lesson says about
// how they were made. Used by mnist-draw and minigpt.

/** The record one lesson keeps: `T` is its shape (it must hold the model's bytes). */
export interface ModelStore<T extends { bytes: Uint8Array }> {
  load(): Promise<T | null>;
  save(model: T): Promise<void>;
  remove(): Promise<void>;
}

const STORE = 'models';
const KEY = 'trained';

export function modelStore<T extends { bytes: Uint8Array }>(database: string): ModelStore<T> {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
      const request = indexedDB.open(database, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    });
  async function transaction<R>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> {
    const db = await open();
    try {
      return await new Promise<R>((resolve, reject) => {
        const request = work(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    } finally {
      db.close();
    }
  }
  return {
    async load() {
      const value = await transaction<T | undefined>('readonly', (store) => store.get(KEY));
      return value && value.bytes instanceof Uint8Array ? value : null;
    },
    async save(model) {
      await transaction('readwrite', (store) => store.put(model, KEY));
    },
    async remove() {
      await transaction('readwrite', (store) => store.delete(KEY));
    },
  };
}
