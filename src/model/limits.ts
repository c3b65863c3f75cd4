// CloudFront's limits and prices: the one place they are written down.

/** Paths per invalidation batch (CreateInvalidation); also the most `max-paths` may be. */
export const MAX_PATHS_PER_BATCH = 3000;
/** File (non-wildcard) paths in flight per distribution. */
export const MAX_IN_FLIGHT_PATHS = 3000;
/** Wildcard paths in flight per distribution. */
export const MAX_IN_FLIGHT_WILDCARDS = 15;
/** Invalidation paths free each month (account-wide), then USD_PER_PATH each; a wildcard is one path. */
export const FREE_PATHS_PER_MONTH = 1000;
export const USD_PER_PATH = 0.005;
