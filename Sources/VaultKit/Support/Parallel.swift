import Dispatch

/// Maps `items` on every core. Results keep the input order, so output stays
/// deterministic however the work was scheduled.
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let slots = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        nonisolated(unsafe) let slots = slots
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots[index] = transform(input[index])
            }
        }
    }
    let results = slots.map { $0! }
    _ = slots.deinitialize()
    return results
}
