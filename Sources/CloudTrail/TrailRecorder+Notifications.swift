import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Notifications of a delivered file, on `queue`: a line in the notifications file, then the SNS
/// envelope to the webhook. As with SNS on AWS, a failed notification does not undo or block the
/// delivery itself.
extension TrailRecorder {
    /// Appends the file's notification line (once, even for a replayed delivery) and posts it to the webhook.
    func notify(key: String, account: String, replayed: Bool) throws {
        let message = TrailNotification.message(bucket: settings.bucket.name, keys: [key])
        if let file = settings.notificationFilePath {
            appendNotificationLine(message, key: key, to: file, replayed: replayed)
        }
        try checkCrash(.afterNotification)
        if let webhook {
            let topic = settings.notifications.topicArn ?? "arn:aws:sns:\(settings.homeRegion):\(account):\(settings.name)"
            let messageId = random.uuid()
            webhook.post(
                TrailNotification.envelope(message: message, messageId: messageId, topicArn: topic, timestamp: clock.now()),
                messageId: messageId, topicArn: topic)
        }
    }

    /// Appends `message` as one line of the notifications file; a failure shows in health and the log.
    private func appendNotificationLine(_ message: [UInt8], key: String, to file: String, replayed: Bool) {
        var line = message
        line.append(UInt8(ascii: "\n"))
        // A replayed decision may already have its line (crash after the notification): keep one.
        let existing = replayed ? ((try? FileIO.readFile(file)) ?? nil) : nil
        let already = existing.map { String(decoding: $0, as: UTF8.self).contains(#""\#(key)""#) } ?? false
        guard !already else { return }
        do throws(FileIOError) {
            try FileIO.append(line, to: file)
            state.lastNotificationError = nil
        } catch {
            state.lastNotificationError = "notification for \(key) not written: \(error)"
            log("cloudtrail: notification for \(key) not written: \(error)")
        }
    }
}
