/**
 * The simulator's storage layer. `createStore({ kind: 'memory' })` for isolated tests,
 * `createStore({ kind: 'file', path, dataDir? })` for a durable store (lowdb snapshot + journal, see file-store.ts).
 */
import type { CoreOptions } from './core.js';
import { openFileStore, type FileStore, type FileStoreOptions } from './file-store.js';
import { createMemoryStore } from './memory-store.js';
import type { Store } from './types.js';

export type MemoryStoreOptions = { readonly kind: 'memory' } & CoreOptions;
export type { FileStoreOptions, FileStore, RecoveryInfo } from './file-store.js';
export type StoreOptions = MemoryStoreOptions | ({ readonly kind: 'file' } & FileStoreOptions);

export function createStore(options: { readonly kind: 'file' } & FileStoreOptions): Promise<FileStore>;
export function createStore(options: MemoryStoreOptions): Promise<Store>;
export function createStore(options: StoreOptions): Promise<Store>;
export async function createStore(options: StoreOptions): Promise<Store> {
  switch (options.kind) {
    case 'memory':
      return createMemoryStore(options);
    case 'file':
      return openFileStore(options);
    default: {
      const kind: never = options;
      throw new TypeError(`store: unknown kind ${JSON.stringify((kind as { kind?: unknown }).kind)}`);
    }
  }
}

export { createMemoryStore } from './memory-store.js';
export { openFileStore, DEFAULT_COMPACT_BYTES } from './file-store.js';
export { StoreClosedError, type CoreOptions } from './core.js';
export { StoreLockedError } from './lock.js';
export { StorePathError, storeFiles, type StoreFiles } from './paths.js';
export { JournalFailedError, type JournalHandle, type OpenJournal } from './journal.js';
export { JournalCorruptError } from './journal-format.js';
export { SnapshotCorruptError } from './snapshot-file.js';
export type * from './types.js';
export { findBy } from './types.js';
