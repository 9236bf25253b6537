/// A small, fast writer of compact JSON into a byte buffer, with fields in the order the
/// caller writes them (records read best with `kind` and `doc` first).
///
/// The buffer is raw memory the writer owns (it is noncopyable, so nothing else can see it
/// while it grows): an append is a capacity check and a store, with no uniqueness check per
/// byte as an `Array` needs. `bytes` copies the result out once.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// A value was just written in the open container, so the next one needs a comma.
    /// (One flag is enough: opening a container or writing a key clears it; closing a
    /// container or writing a value sets it.)
    private var needsComma = false

    public init(reserving capacity: Int = 256) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The JSON written so far.
    public var bytes: [UInt8] { Array(copying: storage, count: count) }

    @inline(__always)
    public mutating func beginObject() {
        separate()
        put(UInt8(ascii: "{"))
        needsComma = false
    }

    @inline(__always)
    public mutating func endObject() {
        put(UInt8(ascii: "}"))
        needsComma = true
    }

    @inline(__always)
    public mutating func beginArray() {
        separate()
        put(UInt8(ascii: "["))
        needsComma = false
    }

    @inline(__always)
    public mutating func endArray() {
        put(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":` for a fixed field name (copied as is: names need no escaping).
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 3)
        storage[count] = UInt8(ascii: "\"")
        Self.copy(name.utf8Start, to: storage + count + 1, count: name.utf8CodeUnitCount)
        count += name.utf8CodeUnitCount + 1
        storage[count] = UInt8(ascii: "\"")
        storage[count + 1] = UInt8(ascii: ":")
        count += 2
        needsComma = false
    }

    /// Writes `"name":` for a name only known at run time (escaped).
    public mutating func dynamicKey(_ name: String) {
        separate()
        appendString(name)
        put(UInt8(ascii: ":"))
        needsComma = false
    }

    @inline(__always)
    public mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    public mutating func int(_ value: Int) {
        separate()
        // Digits straight into the buffer (no String on the hot path): at most 20 and a sign.
        reserve(21)
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        let digits = Self.digitCount(magnitude)
        // Two digits per division, from the last pair back, out of a table of "00" to "99"
        // (a static string: no lazy global, no bounds check).
        let pairs = Self.digitPairs.utf8Start
        var position = count + digits
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) &* 2
            magnitude /= 100
            position -= 2
            storage[position] = pairs[pair]
            storage[position + 1] = pairs[pair + 1]
        }
        if magnitude >= 10 {
            let pair = Int(magnitude) &* 2
            storage[position - 2] = pairs[pair]
            storage[position - 1] = pairs[pair + 1]
        } else {
            storage[position - 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude)
        }
        count += digits
    }

    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Decimal digits of `value` (1 for 0). Record numbers are mostly offsets of a few digits.
    @inline(__always)
    private static func digitCount(_ value: UInt) -> Int {
        if value < 10 { return 1 }
        if value < 100 { return 2 }
        if value < 1000 { return 3 }
        if value < 10000 { return 4 }
        var digits = 5
        var scale: UInt = 100_000
        while digits < 20 && value >= scale {
            digits += 1
            scale = scale &* 10
        }
        return digits
    }

    /// A string that records write again and again (a kind, a type, a rule name, an id):
    /// its quoted form comes from `cache` after the first time.
    @inline(__always)
    public mutating func string(_ value: String, cache: QuotedStringCache) {
        separate()
        let key = QuotedStringCache.key(of: value)
        let slot = QuotedStringCache.slot(of: key)
        if let quoted = cache.quoted(key, slot: slot) {
            reserve(quoted.count)
            Self.copy(quoted.baseAddress!, to: storage + count, count: quoted.count)
            count += quoted.count
            return
        }
        let before = count
        appendString(value)
        cache.store(
            value, key: key, slot: slot,
            quotedBytes: UnsafeBufferPointer(start: storage + before, count: count - before))
    }

    /// A string given as UTF-8 bytes (a slice of a document), escaped.
    @inline(__always)
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(utf8)
    }

    public mutating func double(_ value: Double) {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
            int(Int(value))
            return
        }
        separate()
        if value.isFinite {
            put("\(value)")
        } else {
            put("null")
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        put(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        put("null")
    }

    /// `"name":"value"` with the value's quoted form from `cache` (see `string(_:cache:)`).
    @inline(__always)
    public mutating func field(_ name: StaticString, _ value: String, cache: QuotedStringCache) {
        key(name)
        string(value, cache: cache)
    }

    /// Convenience: `"name":"value"`, or `"name":null` for nil.
    @inline(__always)
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    @inline(__always)
    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    /// Appends a newline: the end of one JSON Lines record.
    public mutating func endLine() {
        put(0x0A)
    }

    /// Writes the comma before a value or key when one is due; the value then makes the
    /// next one due.
    @inline(__always)
    private mutating func separate() {
        if needsComma { put(UInt8(ascii: ",")) }
        needsComma = true
    }

    // MARK: - The buffer

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.initialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        Self.copy(base, to: storage + count, count: bytes.count)
        count += bytes.count
    }

    /// Copies bytes: up to 32 with two overlapping loads and stores of a power-of-two width
    /// (a `memcpy` call costs more than the copy for the short keys and values of a record;
    /// a loop by hand mispredicts its exit once per string), longer ones by `memcpy`.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 && count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count > 16 && count <= 32 {
            let head = from.loadUnaligned(as: (UInt64, UInt64).self)
            let tail = from.loadUnaligned(fromByteOffset: count - 16, as: (UInt64, UInt64).self)
            to.storeBytes(of: head, as: (UInt64, UInt64).self)
            to.storeBytes(of: tail, toByteOffset: count - 16, as: (UInt64, UInt64).self)
        } else if count >= 4 && count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else if count < 4 {
            if count > 0 {
                // 1-3 bytes: the first, the middle and the last (some the same).
                target[0] = source[0]
                target[count >> 1] = source[count >> 1]
                target[count - 1] = source[count - 1]
            }
        } else {
            to.copyMemory(from: source, byteCount: count)
        }
    }

    /// Whether any of the bytes needs escaping in a JSON string (a control character, `"`,
    /// `\\` or DEL).
    @inline(__always)
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        nextEscape(in: utf8, from: 0) < utf8.count
    }

    /// The high bit of bytes of `word` that need escaping: below 0x20 (ASCII only: bytes of
    /// 0x80 and up have their high bit set), 0x22, 0x5C or 0x7F. Bytewise subtraction lets
    /// a borrow flag bytes above a flagged one, so only the lowest flag is sure to be one.
    @inline(__always)
    private static func flagged(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in each byte of `word` that is zero (and maybe above one).
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs
        return control | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x5C &* ones))
            | zeroBytes(word ^ (0x7F &* ones))
    }

    /// The offset of the first byte from `start` on that needs escaping, or `utf8.count`:
    /// eight bytes at a time. Fewer than eight left from `start` are copied over harmless
    /// letters into one word; a last partial word after whole ones is read as the final eight
    /// bytes, whose lowest flag is past the bytes already found clean (no loop whose exit
    /// depends on the length, on the path every short string takes).
    @inline(__always)
    private static func nextEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = utf8.baseAddress else { return 0 }
        let count = utf8.count
        if count - start < 8 {
            let flags = flagged(shortWord(base + start, count: count - start))
            return flags == 0 ? count : start + flags.trailingZeroBitCount >> 3
        }
        let raw = UnsafeRawPointer(base)
        var offset = start
        while offset + 8 <= count {
            let flags = flagged(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            if flags != 0 { return offset + flags.trailingZeroBitCount >> 3 }
            offset += 8
        }
        guard offset < count else { return count }
        let flags = flagged(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)))
        return flags == 0 ? count : count - 8 + flags.trailingZeroBitCount >> 3
    }

    /// The `count` (< 8) bytes at `source` as one little-endian word, the bytes above them
    /// harmless letters (`A`): built in registers from overlapping loads, as a word written
    /// bytewise to memory and read back whole would stall the load.
    @inline(__always)
    private static func shortWord(_ source: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let filler: UInt64 = 0x4141_4141_4141_4141
        let raw = UnsafeRawPointer(source)
        let word: UInt64
        if count >= 4 {
            let head = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            word = head | tail &<< UInt64((count - 4) * 8)
        } else if count > 0 {
            word =
                UInt64(source[0]) | UInt64(source[count >> 1]) &<< UInt64((count >> 1) * 8)
                | UInt64(source[count - 1]) &<< UInt64((count - 1) * 8)
        } else {
            return filler
        }
        return word | filler &<< UInt64(count * 8)
    }

    private mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ value: String) {
        // No copy of the string: its UTF-8 is read in place (small strings from the stack).
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
        if done == nil {
            var value = value
            value.withUTF8 { appendQuoted($0) }
        }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        if !Self.needsEscaping(utf8) {
            reserve(utf8.count + 2)
            storage[count] = UInt8(ascii: "\"")
            if let base = utf8.baseAddress { Self.copy(base, to: storage + count + 1, count: utf8.count) }
            storage[count + utf8.count + 1] = UInt8(ascii: "\"")
            count += utf8.count + 2
            return
        }
        put(UInt8(ascii: "\""))
        // Copy runs of bytes that need no escaping in one go.
        var runStart = 0
        while true {
            let index = Self.nextEscape(in: utf8, from: runStart)
            guard index < utf8.count else { break }
            let byte = utf8[index]
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case 0x22: put("\\\"")
            case 0x5C: put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            default:
                put("\\u00")
                put(Self.hex[Int(byte >> 4)])
                put(Self.hex[Int(byte & 0xF)])
            }
        }
        put(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        put(UInt8(ascii: "\""))
    }
}
