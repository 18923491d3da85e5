/// Blocking keys that survive typing errors, from the keyed Bloom-filter name encodings the hub already holds
/// (locality-sensitive hashing by bit sampling): band `i` is the encoding's bits at a fixed set of sampled positions.
/// Two encodings of names one slip apart differ in a few dozen of their 512 bits, so they agree on a band's sampled
/// bits far more often than two different names do; a pair agreeing on any band meets. Nothing is read but the
/// encodings: no clear value is ever on the hub.
public struct NameBands: Sendable {
    /// Each band's mask, as the encoding's eight words.
    let masks: [[UInt64]]
    let minOnes: Int

    /// - Parameters:
    ///   - count: bands per name.
    ///   - bits: positions sampled per band; more makes each band stricter.
    ///   - seed: fixes which positions, so every run blocks alike.
    ///   - minOnes: set bits a band's sample needs to be a key.
    public init(count: Int, bits: Int, seed: UInt64, minOnes: Int = 3) {
        self.minOnes = minOnes
        var state = seed ^ 0x6A09_E667_F3BC_C908
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var masks: [[UInt64]] = []
        for _ in 0..<count {
            var mask = [UInt64](repeating: 0, count: 8)
            var chosen = 0
            while chosen < min(bits, 512) {
                let p = Int(next() % 512)
                if mask[p / 64] & (1 << UInt64(p % 64)) == 0 {
                    mask[p / 64] |= 1 << UInt64(p % 64)
                    chosen += 1
                }
            }
            masks.append(mask)
        }
        self.masks = masks
    }

    public var count: Int { masks.count }

    /// Band `band`'s key for an encoding: non-zero, or 0 (blocks nothing) when the encoding is missing or has fewer
    /// than `minOnes` of the band's bits set (a near-empty sample says little about the name, and would gather
    /// every short name into one block).
    @inline(__always)
    public func key(_ bits: BloomBits?, band: Int) -> Int32 {
        guard let bits else { return 0 }
        let m = masks[band]
        var h: UInt64 = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
        var ones = 0
        @inline(__always) func mix(_ p: UInt64) {
            ones += p.nonzeroBitCount
            h = (h ^ p) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        mix(bits.w.0 & m[0])
        mix(bits.w.1 & m[1])
        mix(bits.w.2 & m[2])
        mix(bits.w.3 & m[3])
        mix(bits.w.4 & m[4])
        mix(bits.w.5 & m[5])
        mix(bits.w.6 & m[6])
        mix(bits.w.7 & m[7])
        guard ones >= minOnes else { return 0 }
        return Int32(truncatingIfNeeded: h % 0x7FFF_FFFE) + 1
    }
}
