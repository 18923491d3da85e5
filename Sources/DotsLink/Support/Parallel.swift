import Foundation

/// Results written by index from several workers, through a fixed buffer (no shared array to copy or check).
/// Safe because each worker writes only its own index, and the values are read after every worker has finished.
final class ParallelSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T?>
    let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// Runs `work` for 0..<count on every core and returns the results in index order, whatever the scheduling.
func parallelMap<T>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
    let slots = ParallelSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.base[i] = work(i) }
    return (0..<count).map { slots.base[$0]! }
}
