/** zlib's levels: [min, max, default]. */
export const GZIP_LEVELS = [0, 9, 6] as const;
