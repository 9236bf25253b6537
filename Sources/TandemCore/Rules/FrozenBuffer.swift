/// An immutable copy of an array of plain values in memory it owns, read through a buffer
/// pointer with no closure: matching loops that read several tables per token take all their
/// pointers at once instead of nesting a `withUnsafeBufferPointer` per table.
final class FrozenBuffer<Element: BitwiseCopyable & Sendable>: @unchecked Sendable {
    /// The elements; valid as long as this buffer lives.
    let elements: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = memory.initialize(from: array)
        elements = UnsafeBufferPointer(start: memory.baseAddress, count: array.count)
    }

    deinit { UnsafeMutableRawPointer(mutating: elements.baseAddress!).deallocate() }
}
