/// An immutable copy of an array of values in memory it owns, read through a buffer pointer
/// with no closure: matching loops that read several tables per token take all their
/// pointers at once instead of nesting a `withUnsafeBufferPointer` per table, and a struct
/// that keeps such pointers can be read in place without retaining anything.
final class FrozenBuffer<Element: Sendable>: @unchecked Sendable {
    /// The elements; valid as long as this buffer lives.
    let elements: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
        _ = memory.initialize(from: array)
        elements = UnsafeBufferPointer(start: memory.baseAddress, count: array.count)
    }

    deinit {
        let memory = UnsafeMutablePointer(mutating: elements.baseAddress!)
        memory.deinitialize(count: elements.count)
        memory.deallocate()
    }
}
