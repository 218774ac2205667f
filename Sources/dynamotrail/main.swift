print("dynamotrail")
