/// The quoted JSON of strings that records write over and over (mention kinds, types, rule
/// names, entity ids), kept after their first escape check, so that writing one again is a
/// short copy. One per emitting worker; not shared between threads.
///
/// An entry is found by the string's own 16-byte representation: a small string's bytes,
/// or a large one's length, flags and storage address. Equal representations are equal
/// strings; an entry keeps its string alive, so no other string can take its storage
/// address while the entry holds it. A string not found is quoted as usual and takes its
/// slot (direct-mapped: the last one seen wins).
public final class QuotedStringCache {
    /// A string's representation, the key of its entry.
    typealias Key = (UInt64, UInt64)

    static let slotCount = 256
    /// A slot's quoted bytes: the longest string cached is `slotBytes - 2` bytes quoted.
    static let slotBytes = 64

    private let keys: UnsafeMutablePointer<Key>
    /// Quoted byte count by slot; 0 for an empty slot.
    private let lengths: UnsafeMutablePointer<UInt8>
    private let quoted: UnsafeMutablePointer<UInt8>
    /// The cached strings, which keep their storage (and so their keys) their own.
    private var pins: [String?]

    public init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: (0, 0), count: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: 0, count: Self.slotCount)
        quoted = .allocate(capacity: Self.slotCount * Self.slotBytes)
        pins = Array(repeating: nil, count: Self.slotCount)
    }

    deinit {
        keys.deallocate()
        lengths.deallocate()
        quoted.deallocate()
    }

    /// The representation of `string` (no copy of its bytes, no retain kept).
    @inline(__always)
    static func key(of string: String) -> Key { unsafeBitCast(string, to: Key.self) }

    @inline(__always)
    static func slot(of key: Key) -> Int {
        Int(truncatingIfNeeded: ((key.0 ^ key.1 &* 0x9E37_79B9_7F4A_7C15) &* 0xFF51_AFD7_ED55_8CCD) >> 56)
    }

    /// The quoted bytes cached for `key`, or nil.
    @inline(__always)
    func quoted(_ key: Key, slot: Int) -> UnsafeBufferPointer<UInt8>? {
        let length = Int(lengths[slot])
        guard length != 0, keys[slot] == key else { return nil }
        return UnsafeBufferPointer(start: quoted + slot * Self.slotBytes, count: length)
    }

    /// Caches the quoted form of `string` (its bytes `quotedBytes`) in `slot`, if it fits.
    func store(_ string: String, key: Key, slot: Int, quotedBytes: UnsafeBufferPointer<UInt8>) {
        guard quotedBytes.count <= Self.slotBytes, let base = quotedBytes.baseAddress else { return }
        (quoted + slot * Self.slotBytes).update(from: base, count: quotedBytes.count)
        lengths[slot] = UInt8(quotedBytes.count)
        keys[slot] = key
        pins[slot] = string
    }
}
