// Side effect only: registers the resolve hook (see ts-sources.mjs).
export {};
