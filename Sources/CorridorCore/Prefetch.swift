/// A hint to the processor to fetch the cache line holding `address` (for reading, into
/// all cache levels): LLVM's `llvm.prefetch` intrinsic, which the Swift standard library
/// does not expose. It has no effect on results; where a target has no prefetch
/// instruction LLVM drops it.
@_silgen_name("llvm.prefetch.p0")
@usableFromInline func _llvmPrefetch(
    _ address: UnsafeRawPointer, _ write: Int32, _ locality: Int32, _ cacheType: Int32)

@inline(__always) func prefetch<T>(_ address: UnsafePointer<T>) {
    _llvmPrefetch(UnsafeRawPointer(address), 0, 3, 1)
}
