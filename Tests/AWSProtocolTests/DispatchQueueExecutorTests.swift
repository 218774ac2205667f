import AWSProtocol
import Dispatch
import Testing

/// An actor on a `DispatchQueueExecutor` is entered both as an actor and synchronously through `run`,
/// and the two never overlap.
@Suite struct DispatchQueueExecutorTests {
    actor Counter {
        let executor = DispatchQueueExecutor(label: "test.counter")
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        var value = 0
        /// Reads, yields the thread briefly, then writes: overlapping callers would lose increments.
        func increment() -> Int {
            let read = value
            for _ in 0..<50 { _ = read &+ 1 }
            value = read + 1
            return value
        }
        nonisolated func incrementImmediately() -> Int { executor.run { assumeIsolated { $0.increment() } } }
    }

    @Test func asynchronousAndSynchronousCallersAreSerialized() async {
        let counter = Counter()
        let perSide = 2_000
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<(perSide / 4) { _ = await counter.increment() }
                }
                group.addTask {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        DispatchQueue.global().async {
                            for _ in 0..<(perSide / 4) { _ = counter.incrementImmediately() }
                            continuation.resume()
                        }
                    }
                }
            }
        }
        #expect(await counter.value == 2 * perSide)
    }

    @Test func isolationHoldsOnlyOnTheQueue() async {
        let executor = DispatchQueueExecutor(label: "test.isolation")
        #expect(executor.isIsolatingCurrentContext() == false)
        let inside = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: executor.run { executor.isIsolatingCurrentContext() }) }
        }
        #expect(inside == true)
    }
}
