import Dispatch
import Foundation

/// A blocking first-in first-out queue with a fixed capacity, used between stages.
///
/// `push` blocks while the queue is full, which is the pipeline's backpressure: a slow
/// stage stops its producers instead of letting memory grow. `close` wakes every waiter;
/// `pop` then drains what is left and returns `nil`.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var closed = false

    /// Creates a queue that holds at most `capacity` elements (at least one).
    public init(capacity: Int) {
        items = Array(repeating: nil, count: max(1, capacity))
    }

    /// Appends an element, waiting while the queue is full. Returns false once closed.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == items.count && !closed { condition.wait() }
        if closed { return false }
        items[(head + count) % items.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// Removes the oldest element, waiting while the queue is empty and open.
    public func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        if count == 0 { return nil }
        let element = items[head]
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// Marks the end of the input: producers stop, consumers drain and then get `nil`.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
