/** The English (or any second-language) resource must have exactly the bokmål keys. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
