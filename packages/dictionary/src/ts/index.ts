// Pure-TypeScript implementation (filled in by the package's work).
export {};
