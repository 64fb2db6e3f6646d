// Conformance suite for @parquetry/delta (being written).
export {};
