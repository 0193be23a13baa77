import { randomUUID } from 'node:crypto';

/** 8-4-4-4-12 hexadecimal, any case (constant pattern; never built from input). */
const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A new random GUID, lower case, as Dataverse returns them. */
export const newGuid = (): string => randomUUID();

export const isGuid = (value: unknown): value is string => typeof value === 'string' && value.length === 36 && GUID_RE.test(value);

/** Lower-case form for comparisons and storage. */
export const normalizeGuid = (value: string): string => value.toLowerCase();
