// Conformance suite for @parquetry/plain (being written).
export {};
