import AWSProtocol

/// Shard iterators, handed out by GetShardIterator and GetRecords.
extension DynamoDBService {
    /// `<StreamArn>|1|<shardId>|<random>`: carries what GetRecords needs to find the stream again.
    static func shardIterator(arn: String, shardId: String, random: any RandomSource) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "\(arn)|1|\(shardId)|" + random.string(count: 64, from: alphabet)
    }
}
