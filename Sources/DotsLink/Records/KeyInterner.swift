/// Interns pseudonym keys to small integers (1, 2, 3… in order of first appearance), with an open-addressing
/// table. The keys are already uniformly random bits (the leading digits of keyed hashes), so they index the
/// table directly instead of being hashed again, which made interning several times cheaper than a Dictionary's.
struct KeyInterner {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        ids = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Room for `more` new keys without growing as they arrive.
    mutating func reserve(_ more: Int) {
        if (count + more) * 2 > keys.count { rehash(to: count + more) }
    }

    /// The id of `key` (0 for 0, "not given"); a key not seen before gets `next()`.
    @inline(__always)
    mutating func id(_ key: UInt64, next: () -> Int32) -> Int32 {
        guard key != 0 else { return 0 }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
        while true {
            let k = keys[slot]
            if k == key { return ids[slot] }
            if k == 0 { break }
            slot = (slot + 1) & mask
        }
        let id = next()
        keys[slot] = key
        ids[slot] = id
        count += 1
        if count * 2 > keys.count { rehash(to: count) }
        return id
    }

    private mutating func rehash(to needed: Int) {
        let (oldKeys, oldIDs) = (keys, ids)
        self = KeyInterner(capacity: needed)
        for (k, id) in zip(oldKeys, oldIDs) where k != 0 {
            var slot = Int(truncatingIfNeeded: k ^ (k >> 32)) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            ids[slot] = id
            count += 1
        }
    }
}
