// The native implementation, whatever PARQUETRY_BACKEND says (wired when the kernels land).
export {};
