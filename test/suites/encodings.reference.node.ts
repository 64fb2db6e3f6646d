// Node only: decoders against streams from the independent Python reference (being written).
export {};
