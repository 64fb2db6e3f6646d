/** zstd's levels, negative ones being its fast modes: [min, max, default]. */
export const ZSTD_LEVELS = [-131072, 22, 3] as const;
