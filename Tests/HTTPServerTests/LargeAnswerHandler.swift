import HTTPServer
import Synchronization

/// Answers `GET /big` with `answerBytes` bytes and anything else with "ok", counting the big answers.
final class LargeAnswerHandler: HTTPHandler {
    let answerBytes: Int
    private let bigAnswers = Atomic<Int>(0)

    init(answerBytes: Int) { self.answerBytes = answerBytes }

    /// Big answers produced so far.
    var bigAnswerCount: Int { bigAnswers.load(ordering: .relaxed) }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        guard request.path == "/big" else { return HTTPResponse(status: 200, text: "ok") }
        bigAnswers.add(1, ordering: .relaxed)
        return HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: answerBytes))
    }
}
