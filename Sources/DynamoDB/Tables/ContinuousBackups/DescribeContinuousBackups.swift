import AWSProtocol

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// DescribeContinuousBackups: backups ENABLED, point-in-time recovery as last set (DISABLED by default).
extension DynamoDBService {
    func describeContinuousBackups(_ input: InputReader, _ context: RequestContext) throws(AWSServiceError)
        -> JSONValue
    {
        var validator = CoralValidator()
        let reference = try Self.tableReference(input, &validator, context)
        if let error = validator.error { throw error }
        guard tableExists(reference, context) else {
            throw DynamoDBError.backupTableNotFound(reference.shown)
        }
        let table = try existingTable(reference, context)
        return ["ContinuousBackupsDescription": table.continuousBackupsDescription(now: context.now)]
    }
}
