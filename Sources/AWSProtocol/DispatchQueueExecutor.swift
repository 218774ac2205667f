import Dispatch
import Synchronization

/// A serial executor backed by one serial DispatchQueue, so that an actor using it can also be entered
/// synchronously from a Dispatch thread: `run` executes its body on the queue (inline on the calling thread
/// when the queue is idle, as `DispatchQueue.sync` does), where the actor's `assumeIsolated` holds. The
/// server answers a call on its connection's Dispatch thread this way, without hopping into Swift
/// concurrency and back (each hop was a thread wake-up; observed with `perf stat`).
/// Isolation: the queue serializes everything run on it, jobs and `run` bodies alike; the count of work
/// queued or running is an `Atomic`.
public final class DispatchQueueExecutor: SerialExecutor, Sendable {
    let queue: DispatchQueue
    /// Marks the queue, so that code can tell whether it runs on it (`isIsolatingCurrentContext`).
    private let key = DispatchSpecificKey<Bool>()
    /// Jobs and `run` bodies queued or running.
    private let pending = Atomic<Int>(0)

    /// `label` names the queue in debuggers and thread listings.
    public init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: true)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pending.add(1, ordering: .relaxed)
        queue.async {
            job.runSynchronously(on: self.asUnownedSerialExecutor())
            self.pending.subtract(1, ordering: .relaxed)
        }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    /// True on the queue (in a job or in a `run` body): what lets `assumeIsolated` accept a `run` body.
    public func isIsolatingCurrentContext() -> Bool? { DispatchQueue.getSpecific(key: key) ?? false }

    /// Runs `body` serialized with every job of this executor, and waits for it. Blocking: call it from a
    /// Dispatch thread, never from a Swift concurrency thread, and never from a job of this executor.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        pending.add(1, ordering: .relaxed)
        defer { pending.subtract(1, ordering: .relaxed) }
        return try queue.sync(execute: body)
    }

    /// True when nothing is queued or running: a caller that would otherwise wait in `run` behind other
    /// work can take the asynchronous path instead, where callers are served in turn (blocked Dispatch
    /// threads are not: at 16 connections waiting in `run` tripled the p99 latency; observed).
    public var isIdle: Bool { pending.load(ordering: .relaxed) == 0 }
}
