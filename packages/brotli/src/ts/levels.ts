/** Brotli's quality levels: [min, max, default]. */
export const BROTLI_LEVELS = [0, 11, 5] as const;
