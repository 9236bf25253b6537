extension Array where Element: BitwiseCopyable {
    /// The `count` elements at `source`, copied with one `memcpy`. (`Array(UnsafeBufferPointer)`
    /// copies element by element, which is several times slower for the byte and offset
    /// arrays every document builds.)
    @inline(__always)
    init(copying source: UnsafePointer<Element>, count: Int) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 {
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
                    from: source, byteCount: count * MemoryLayout<Element>.stride)
            }
            initialized = count
        }
    }
}
