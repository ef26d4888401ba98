import Dispatch

/// Maps `items` on every core. Results keep the input order, so output stays
/// deterministic however the work was scheduled. Under a memory limit that leaves
/// no room for worker threads' stacks the work runs on the calling thread: Dispatch
/// would wait for a thread forever (`_dispatch_temporary_resource_shortage`).
func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
    guard items.count > 1, Arena.hasRoom(for: 32 << 20) else { return items.map(transform) }
    // Each task initialises its own slot; the results are then moved, not copied,
    // into the array (a copy of each result cost a retain per reference it holds).
    return [R](unsafeUninitializedCapacity: items.count) { slots, initialized in
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let slots = slots
            items.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: items.count) { index in
                    (slots.baseAddress! + index).initialize(to: transform(input[index]))
                }
            }
        }
        initialized = items.count
    }
}
