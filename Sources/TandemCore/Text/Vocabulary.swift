/// Interned match keys: every word a rule table mentions gets a small integer id, so the
/// hot path compares integers instead of hashing Strings (Swift String hashing normalizes).
///
/// Interning happens while tables load, before any document is processed; after that the
/// vocabulary is only read, from any number of workers. Lookups hash a token's match-key
/// bytes (FNV-1a) into an open-addressing table; a word no table knows gets `Vocabulary.unknown`.
public final class Vocabulary: @unchecked Sendable {
    /// The id of a word that no rule table mentions.
    public static let unknown: Int32 = -1

    /// All keys back to back; key `id` is `storage[starts[id]..<starts[id + 1]]`.
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 256)

    /// The longest key in bytes: longer tokens are unknown without hashing.
    public private(set) var maximumKeyLength = 0

    public init() {}

    /// Number of interned keys; ids run from 0 to `count - 1`.
    public var count: Int { starts.count - 1 }

    /// Interns a word (its match key is taken first) and returns its id. Set-up time only.
    @discardableResult
    public func intern(_ word: String) -> Int32 {
        let key = Array(MatchKey.match(word).utf8)
        let existing = key.withUnsafeBufferPointer { lookup($0) }
        if existing != Self.unknown { return existing }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        storage.append(contentsOf: key)
        starts.append(storage.count)
        maximumKeyLength = max(maximumKeyLength, key.count)
        insert(id)
        return id
    }

    /// The id of a word given as a String (tests, set-up).
    public func id(of word: String) -> Int32 {
        Array(MatchKey.match(word).utf8).withUnsafeBufferPointer { lookup($0) }
    }

    /// The id of a match key already built as bytes, or `unknown`.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        find(hash: Self.hash(key, from: 0, to: key.count, lowercasingASCII: false), length: key.count) {
            key[$0]
        }
    }

    /// The id of an all-ASCII token `bytes[from..<to]`, lowercased on the fly (no copy).
    @inline(__always)
    func lookupASCII(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int32 {
        find(hash: Self.hash(bytes, from: from, to: to, lowercasingASCII: true), length: to - from) {
            Self.lower(bytes[from + $0])
        }
    }

    @inline(__always)
    private func find(hash: UInt64, length: Int, byte: (Int) -> UInt8) -> Int32 {
        slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                starts.withUnsafeBufferPointer { starts in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let id = slots[slot]
                        if id < 0 { return Self.unknown }
                        let start = starts[Int(id)]
                        if starts[Int(id) + 1] - start == length {
                            var equal = true
                            for offset in 0..<length where storage[start + offset] != byte(offset) {
                                equal = false
                                break
                            }
                            if equal { return id }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private func insert(_ id: Int32) {
        let mask = slots.count - 1
        let start = starts[Int(id)]
        let end = starts[Int(id) + 1]
        var slot =
            storage.withUnsafeBufferPointer {
                Int(truncatingIfNeeded: Self.hash($0, from: start, to: end, lowercasingASCII: false))
            } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<count { insert(Int32(id)) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// FNV-1a over `bytes[from..<to]`, optionally lowercasing ASCII letters first.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, lowercasingASCII: Bool) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in from..<to {
            let byte = lowercasingASCII ? lower(bytes[index]) : bytes[index]
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
