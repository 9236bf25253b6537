/// Interned match keys: every word a rule table mentions gets a small integer id, so the
/// hot path compares integers instead of hashing Strings (Swift String hashing normalizes).
///
/// Interning happens while tables load, before any document is processed; after that the
/// vocabulary is only read, from any number of workers. Lookups hash a token's match-key
/// bytes (FNV-1a) into an open-addressing table; a word no table knows gets `Vocabulary.unknown`.
public final class Vocabulary: @unchecked Sendable {
    /// The id of a word that no rule table mentions.
    public static let unknown: Int32 = -1

    private var keys: [[UInt8]] = []
    private var slots: [Int32] = Array(repeating: -1, count: 256)

    public init() {}

    /// Number of interned keys; ids run from 0 to `count - 1`.
    public var count: Int { keys.count }

    /// Interns a word (its match key is taken first) and returns its id. Set-up time only.
    @discardableResult
    public func intern(_ word: String) -> Int32 {
        let key = Array(MatchKey.match(word).utf8)
        if let existing = find(key) { return existing }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let id = Int32(keys.count)
        keys.append(key)
        insert(id)
        return id
    }

    /// The id of a match key already built as bytes, or `unknown`.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return Self.unknown }
            if keys[Int(id)].withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a word given as a String (tests, set-up).
    public func id(of word: String) -> Int32 {
        find(Array(MatchKey.match(word).utf8)) ?? Self.unknown
    }

    private func find(_ key: [UInt8]) -> Int32? {
        let id = key.withUnsafeBufferPointer { lookup($0) }
        return id == Self.unknown ? nil : id
    }

    private func insert(_ id: Int32) {
        let mask = slots.count - 1
        var slot = keys[Int(id)].withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash($0)) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in keys.indices { insert(Int32(id)) }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
