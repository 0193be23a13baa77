// Loads TypeScript sources through ts-node (transpile-only; `tsc --noEmit` type-checks separately).
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('ts-node/esm', pathToFileURL('./'));
