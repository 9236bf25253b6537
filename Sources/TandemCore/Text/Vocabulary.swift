/// Interned match keys: every word a rule table mentions gets a small integer id, so the
/// hot path compares integers instead of hashing Strings (Swift String hashing normalizes).
///
/// Interning happens while tables load, before any document is processed; after that the
/// vocabulary is only read, from any number of workers. `ids(of:in:)` maps a whole
/// document's tokens in one pass: it hashes each token's match-key bytes eight at a time
/// into an open-addressing table whose slots carry a hash tag, so most misses cost one
/// probe; a word no table knows gets `Vocabulary.unknown`.
public final class Vocabulary: @unchecked Sendable {
    /// The id of a word that no rule table mentions.
    public static let unknown: Int32 = -1

    // The tables below are written while the rule tables load, on one thread, and only read
    // after that: their accesses skip the runtime's exclusivity check, which cost a fifth of
    // interning.

    /// All keys back to back, then `padding` zero bytes (8-byte loads may run past a key).
    @exclusivity(unchecked) private var storage: [UInt8] = Array(repeating: 0, count: padding)
    @exclusivity(unchecked) private var starts: [Int32] = [0]
    /// By id: a key of up to seven bytes as one word (its bytes, zero above them) with its
    /// length in the top byte, so a short token is checked with one load and compare; all
    /// ones for a longer key (no short token matches that).
    @exclusivity(unchecked) private var shortKeys: [UInt64] = []
    /// `tag << 20 | (id + 1)`, or 0 for an empty slot; `tag` is the hash's top 12 bits.
    /// Four bytes a slot, filled up to three quarters: the table of a few thousand words
    /// stays within the first-level cache, where it is read for every token.
    @exclusivity(unchecked) private var slots: [UInt32] = Array(repeating: 0, count: 256)
    /// One bit per hash value (bits 20-35 of the hash), set for every key: a word whose bit
    /// is clear is unknown without a probe. Most words of a text are in no table, and this
    /// 8 KiB stays in cache where the slots (and their probe chains) do not.
    @exclusivity(unchecked) private var present: [UInt64] = Array(repeating: 0, count: presentWords)
    private static let presentWords = 1 << 10
    private static let idBits: UInt32 = 20
    private static let idMask: UInt32 = (1 << idBits) - 1
    private static let padding = 8
    private static let zeroPadding = [UInt8](repeating: 0, count: padding)

    /// The longest key in bytes: longer tokens are unknown without hashing.
    public private(set) var maximumKeyLength = 0
    /// The longest key made only of ASCII digits (a table of digit words, such as weekdays in
    /// digits), or 0: longer digit tokens, and all of them when 0, are unknown without hashing.
    public private(set) var maximumDigitKeyLength = 0

    public init() {}

    /// Number of interned keys; ids run from 0 to `count - 1`.
    public var count: Int { starts.count - 1 }

    /// Interns a word (its match key is taken first) and returns its id. Set-up time only.
    @discardableResult
    public func intern(_ word: String) -> Int32 {
        let key = Array(MatchKey.match(word).utf8)
        let existing = id(ofKey: key)
        if existing != Self.unknown { return existing }
        precondition(count + 1 < Int(Self.idMask), "vocabulary full: \(count) words")
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let id = Int32(count)
        storage.removeLast(Self.padding)
        storage.append(contentsOf: key)
        starts.append(Int32(storage.count))
        var shortKey = UInt64.max
        if key.count <= 7 {
            shortKey = UInt64(key.count) << 56
            for (offset, byte) in key.enumerated() { shortKey |= UInt64(byte) << UInt64(offset * 8) }
        }
        shortKeys.append(shortKey)
        storage.append(contentsOf: Self.zeroPadding)
        maximumKeyLength = max(maximumKeyLength, key.count)
        if Self.isDigitKey(key) { maximumDigitKeyLength = max(maximumDigitKeyLength, key.count) }
        insert(id)
        return id
    }

    /// Whether a key is made only of ASCII digits (a digit word: tokens of its length are
    /// then looked up, and rule filters let such tokens through where a table starts so).
    static func isDigitKey<Key: Collection<UInt8>>(_ key: Key) -> Bool {
        !key.isEmpty && key.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The id of a word given as a String (tests, set-up).
    public func id(of word: String) -> Int32 {
        id(ofKey: Array(MatchKey.match(word).utf8))
    }

    private func id(ofKey key: [UInt8]) -> Int32 {
        let padded = key + repeatElement(0, count: Self.padding)
        return withTables { tables in
            padded.withUnsafeBufferPointer { tables.find(key: $0.baseAddress!, length: key.count, lowercase: false) }
        }
    }

    /// Each token's id (`unknown` for words no table knows, and for digit tokens unless a
    /// table has digit keys of their length), in one pass.
    /// `bytes` is the normalized text the tokens index into.
    public func ids(of tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        withTables { tables in
            let longest = maximumKeyLength
            let longestDigits = maximumDigitKeyLength
            // Room for the longest key a token may be looked up by, plus padding for loads
            // (zeroed once: bytes past a key are masked off, they only need to be readable).
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * (longest + 4) + Self.padding) {
                scratch in
                scratch.initialize(repeating: 0)
                let key = scratch.baseAddress!
                // A plain loop into the array's buffer: `map` with this body called a closure
                // per token.
                return [Int32](count: tokens.count, filler: 0) { ids in
                    tokens.withUnsafeBufferPointer { tokens in
                        for index in 0..<tokens.count {
                            ids[index] = Self.id(
                                of: tokens[index], in: bytes, longest: longest, longestDigits: longestDigits,
                                scratch: key, tables: tables)
                        }
                    }
                }
            }
        }
    }

    /// The id of one token (see `ids(of:in:)`); `scratch` has room for a folded key.
    @inline(__always)
    private static func id(
        of token: Token, in bytes: UnsafeBufferPointer<UInt8>, longest: Int, longestDigits: Int,
        scratch key: UnsafeMutablePointer<UInt8>, tables: Tables
    ) -> Int32 {
        let start = Int(token.start)
        let length = Int(token.end) - start
        // Folding can shorten a key by a byte or two, never by more.
        if (token.kind == .digits && length > longestDigits) || length > longest + 4 { return unknown }
        // Most keys are the token's own bytes: ASCII (letters lowercased by OR 0x20), or
        // lowercase text not ending in a y that folds to i (Mỹ → mĩ).
        let last = bytes[start + length - 1]
        let raw =
            token.ascii
            || (token.lowercase && last != 0xBD && last != 0xB3 && last != 0xB5 && last != 0xB7 && last != 0xB9)
        // The key to look up: in place, or written to the scratch (one call of `find`, which
        // is then inlined once).
        var keyStart = UnsafePointer(key)
        var keyLength = length
        var lowercase = false
        if raw {
            if start + length + padding <= bytes.count {
                keyStart = bytes.baseAddress! + start
                lowercase = token.ascii && token.kind == .word
            } else {
                for offset in 0..<length {
                    key[offset] = token.ascii ? lower(bytes[start + offset]) : bytes[start + offset]
                }
            }
        } else {
            keyLength = MatchKey.writeMatchKey(bytes, from: start, to: start + length, into: key)
        }
        return tables.find(key: keyStart, length: keyLength, lowercase: lowercase)
    }

    /// The lookup tables as raw pointers, borrowed once per call rather than per probe.
    private struct Tables {
        let storage: UnsafePointer<UInt8>
        let starts: UnsafePointer<Int32>
        let slots: UnsafePointer<UInt32>
        let mask: Int
        let present: UnsafePointer<UInt64>
        let shortKeys: UnsafePointer<UInt64>

        /// The id of the key of `length` bytes at `key` (readable 8 bytes past its end);
        /// `lowercase` ORs 0x20 into every byte first (ASCII letters only).
        @inline(__always)
        func find(key: UnsafePointer<UInt8>, length: Int, lowercase: Bool) -> Int32 {
            if length <= 7 {
                // A short key is one word, hashed as `hash` does and compared whole.
                let word = Vocabulary.lowered(
                    Vocabulary.word(key, length: length), length: length, lowercase: lowercase)
                let wanted = word | UInt64(length) << 56
                return probe(Vocabulary.hashWord(word, length: length)) { shortKeys[$0] == wanted }
            }
            return probe(Vocabulary.hash(key, length: length, lowercase: lowercase)) { id in
                let start = Int(starts[id])
                return Int(starts[id + 1]) - start == length
                    && Vocabulary.equal(key, storage + start, length: length, lowercase: lowercase)
            }
        }

        /// The id whose key has this hash and satisfies `isKey`, or `unknown`: the presence
        /// bit first, then the slots from the hash's own, by tag.
        @inline(__always)
        private func probe(_ hash: UInt64, _ isKey: (Int) -> Bool) -> Int32 {
            let bit = Vocabulary.presentBit(hash)
            if present[bit >> 6] & (1 &<< UInt64(bit & 63)) == 0 { return Vocabulary.unknown }
            let tag = UInt32(truncatingIfNeeded: hash >> 52)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return Vocabulary.unknown }
                if entry >> Vocabulary.idBits == tag {
                    let id = Int(entry & Vocabulary.idMask) - 1
                    if isKey(id) { return Int32(id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func withTables<Result>(_ body: (Tables) -> Result) -> Result {
        storage.withUnsafeBufferPointer { storage in
            starts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    present.withUnsafeBufferPointer { present in
                        shortKeys.withUnsafeBufferPointer { shortKeys in
                            // An empty vocabulary has no keys to point at; its presence bits
                            // are all clear, so no lookup reads `shortKeys` then.
                            body(
                                Tables(
                                    storage: storage.baseAddress!, starts: starts.baseAddress!,
                                    slots: slots.baseAddress!, mask: slots.count - 1, present: present.baseAddress!,
                                    shortKeys: shortKeys.baseAddress ?? UnsafePointer(bitPattern: 8)!))
                        }
                    }
                }
            }
        }
    }

    private func insert(_ id: Int32) {
        let mask = slots.count - 1
        let start = Int(starts[Int(id)])
        let length = Int(starts[Int(id) + 1]) - start
        let hash = storage.withUnsafeBufferPointer {
            Self.hash($0.baseAddress! + start, length: length, lowercase: false)
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(truncatingIfNeeded: hash >> 52) << Self.idBits | UInt32(id + 1)
        let bit = Self.presentBit(hash)
        present[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// The key's bit in `present`.
    @inline(__always)
    private static func presentBit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 20) & (presentWords * 64 - 1)
    }

    private func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for id in 0..<count { insert(Int32(id)) }
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// `length` bytes at `pointer` as one little-endian word, zero above them (1…8 bytes;
    /// reads 8 bytes, which the callers keep readable).
    @inline(__always)
    private static func word(_ pointer: UnsafePointer<UInt8>, length: Int) -> UInt64 {
        let loaded = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        return length >= 8 ? loaded : loaded & ((1 &<< UInt64(length &* 8)) &- 1)
    }

    @inline(__always)
    private static func lowered(_ word: UInt64, length: Int, lowercase: Bool) -> UInt64 {
        guard lowercase else { return word }
        let bits: UInt64 = 0x2020_2020_2020_2020
        return word | (length >= 8 ? bits : bits & ((1 &<< UInt64(length &* 8)) &- 1))
    }

    /// `hash` of a key of at most eight bytes given as one word (its bytes, zero above).
    @inline(__always)
    private static func hashWord(_ word: UInt64, length: Int) -> UInt64 {
        finish(absorb(word, into: seed(length: length)))
    }

    /// The steps of `hash`: a start from the length, each word of eight bytes mixed in, a
    /// final mix.
    @inline(__always)
    private static func seed(length: Int) -> UInt64 { 0x9E37_79B9_7F4A_7C15 ^ UInt64(length) }

    @inline(__always)
    private static func absorb(_ word: UInt64, into hash: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return mixed ^ (mixed >> 32)
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 { hash &* 0xC4CE_B9FE_1A85_EC53 ^ (hash >> 29) }

    /// A hash of `length` bytes at `pointer`, eight at a time (readable 8 bytes past the end).
    /// Also names strings in `MatchKey.nameHash`.
    @inline(__always)
    static func hash(_ pointer: UnsafePointer<UInt8>, length: Int, lowercase: Bool) -> UInt64 {
        var hash = seed(length: length)
        var offset = 0
        repeat {
            let chunk = min(8, length - offset)
            hash = absorb(
                lowered(word(pointer + offset, length: chunk), length: chunk, lowercase: lowercase), into: hash)
            offset += 8
        } while offset < length
        return finish(hash)
    }

    /// Whether `length` bytes at `text` (lowercased per `lowercase`) equal those at `key`.
    @inline(__always)
    private static func equal(
        _ text: UnsafePointer<UInt8>, _ key: UnsafePointer<UInt8>, length: Int, lowercase: Bool
    ) -> Bool {
        var offset = 0
        repeat {
            let chunk = min(8, length - offset)
            if lowered(word(text + offset, length: chunk), length: chunk, lowercase: lowercase)
                != word(key + offset, length: chunk)
            {
                return false
            }
            offset += 8
        } while offset < length
        return true
    }
}
