// Conformance suite for @parquetry/dictionary (being written).
export {};
