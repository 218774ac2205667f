import Dispatch

/// A serial executor backed by one serial DispatchQueue, so that an actor using it can also be entered
/// synchronously from a Dispatch thread: `run` executes its body on the queue (inline on the calling thread
/// when the queue is idle, as `DispatchQueue.sync` does), where the actor's `assumeIsolated` holds. The
/// server answers a call on its connection's Dispatch thread this way, without hopping into Swift
/// concurrency and back (each hop was a thread wake-up; observed with `perf stat`).
/// Isolation: immutable; the queue serializes everything run on it, jobs and `run` bodies alike.
public final class DispatchQueueExecutor: SerialExecutor, Sendable {
    let queue: DispatchQueue
    /// Marks the queue, so that code can tell whether it runs on it (`isIsolatingCurrentContext`).
    private let key = DispatchSpecificKey<Bool>()

    /// `label` names the queue in debuggers and thread listings.
    public init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: true)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedSerialExecutor()) }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    /// True on the queue (in a job or in a `run` body): what lets `assumeIsolated` accept a `run` body.
    public func isIsolatingCurrentContext() -> Bool? { DispatchQueue.getSpecific(key: key) ?? false }

    /// Runs `body` serialized with every job of this executor, and waits for it. Blocking: call it from a
    /// Dispatch thread, never from a Swift concurrency thread, and never from a job of this executor.
    public func run<T>(_ body: () throws -> T) rethrows -> T { try queue.sync(execute: body) }
}
