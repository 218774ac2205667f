// S3Bucket
