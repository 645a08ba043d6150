import type { en } from './en';

/** A catalogue's shape with any words: every language has exactly English's keys. */
type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

export type Catalogue = Words<typeof en>;
