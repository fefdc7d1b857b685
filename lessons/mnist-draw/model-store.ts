// The learner's trained weights, kept in this browser's IndexedDB so they survive a reload.
// One record: the safetensors bytes and a little about how they were made.

const DATABASE = 'mlplay-mnist-draw';
const STORE = 'models';
const KEY = 'trained';

export interface StoredModel {
  bytes: Uint8Array;
  savedAt: number;
  /** Test accuracy after the last epoch (fraction) and on how many test digits, when known. */
  accuracy: number | null;
  testDigits: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function transaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function loadStoredModel(): Promise<StoredModel | null> {
  const value = await transaction<StoredModel | undefined>('readonly', (store) => store.get(KEY));
  return value && value.bytes instanceof Uint8Array ? value : null;
}

export async function saveStoredModel(model: StoredModel): Promise<void> {
  await transaction('readwrite', (store) => store.put(model, KEY));
}

export async function deleteStoredModel(): Promise<void> {
  await transaction('readwrite', (store) => store.delete(KEY));
}
