//! Large output buffers. Writing to fresh memory costs a page fault per 4 KiB (about 0.28 GB/s on
//! these machines); asking the kernel for transparent huge pages on big buffers cuts that to one
//! fault per 2 MiB where THP is enabled in `madvise` mode. Elsewhere this is a plain allocation.

/// Buffers at least this large are worth the madvise call.
const HUGE_THRESHOLD: usize = 4 << 20;

/// An empty Vec with room for `capacity` elements, backed by huge pages where the OS allows.
pub fn output_vec<T>(capacity: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(capacity);
    #[cfg(target_os = "linux")]
    {
        let bytes = capacity * std::mem::size_of::<T>();
        if bytes >= HUGE_THRESHOLD {
            const PAGE: usize = 4096;
            let start = v.as_ptr() as usize;
            let aligned = (start + PAGE - 1) & !(PAGE - 1);
            let end = (start + bytes) & !(PAGE - 1);
            if end > aligned {
                // SAFETY: the range lies inside this Vec's own allocation; MADV_HUGEPAGE only
                // changes how the kernel backs it and fails harmlessly where unsupported.
                unsafe { libc::madvise(aligned as *mut libc::c_void, end - aligned, libc::MADV_HUGEPAGE) };
            }
        }
    }
    v
}
