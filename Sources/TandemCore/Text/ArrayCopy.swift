extension Array {
    /// An empty array with room for `count` elements, allocated through the growth path,
    /// which inlines and reads its storage class's metadata from a cache.
    /// (`init(unsafeUninitializedCapacity:initializingWith:)` and `init(repeating:count:)`
    /// allocate in a library function that asks the runtime for that metadata on every call:
    /// 500 to 800 instructions on Linux, per array, more than a short document's whole copy.)
    @inline(__always)
    static func withRoom(for count: Int) -> [Element] {
        var array = [Element]()
        array.reserveCapacity(count)
        return array
    }
}

extension Array where Element: BitwiseCopyable {
    /// The `count` elements at `source`, copied with one `memcpy`. (`Array(UnsafeBufferPointer)`
    /// copies element by element, which is several times slower for the byte and offset
    /// arrays every document builds.)
    @inline(__always)
    init(copying source: UnsafePointer<Element>, count: Int) {
        self = .withRoom(for: count)
        append(contentsOf: UnsafeBufferPointer(start: source, count: count))
    }

    /// `count` elements that `write` sets through a buffer first filled with `filler` (a
    /// plain loop into the buffer: `map` calls a closure per element).
    @inline(__always)
    init(count: Int, filler: Element, writing write: (UnsafeMutableBufferPointer<Element>) -> Void) {
        self = .withRoom(for: count)
        append(contentsOf: repeatElement(filler, count: count))
        withUnsafeMutableBufferPointer { write($0) }
    }
}
