// Conformance suite for @parquetry/byte-stream-split (being written).
export {};
