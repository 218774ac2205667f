import DynamoDBItems
import Testing

/// DynamoDB numbers: parsing, limits with AWS's messages, normalised output, numeric order, exact sums.
@Suite struct DynamoNumberTests {
    @Test(arguments: [
        ("5", "5"), ("5.0", "5"), ("0.5E1", "5"), ("1E+2", "100"), ("-0", "0"), ("0.000", "0"), ("+7", "7"),
        ("0.50", "0.5"), ("-12.3400", "-12.34"), ("1e-5", "0.00001"), ("123.456e2", "12345.6"), ("00012", "12"),
        (".5", "0.5"), ("5.", "5"), ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
    ])
    func normalisesAsDynamoDBAnswers(input: String, output: String) throws {
        #expect(try DynamoNumber(parsing: input).text == output)
    }

    @Test(arguments: [
        ("", "The parameter cannot be converted to a numeric value"),
        ("abc", "The parameter cannot be converted to a numeric value: abc"),
        (" 5", "The parameter cannot be converted to a numeric value:  5"),
        ("1e", "The parameter cannot be converted to a numeric value: 1e"),
        ("--1", "The parameter cannot be converted to a numeric value: --1"),
        ("1.2.3", "The parameter cannot be converted to a numeric value: 1.2.3"),
        ("NaN", "The parameter cannot be converted to a numeric value: NaN"),
        ("1E126", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        ("-1E999999999999999", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        ("1E-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range"),
        ("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number"),
    ])
    func refusesWithAWSMessages(input: String, message: String) {
        #expect(throws: ItemError.validation(message)) { try DynamoNumber(parsing: input) }
    }

    @Test func acceptsTheLimits() throws {
        #expect(try DynamoNumber(parsing: "9.9999999999999999999999999999999999999E+125").digits.count == 38)
        #expect(try DynamoNumber(parsing: "1E-130").text == "0." + String(repeating: "0", count: 129) + "1")
        #expect(try DynamoNumber(parsing: "-1E125").isNegative)
        #expect(try DynamoNumber(parsing: "1230000000000000000000000000000000000000000000000").text.count == 49)
    }

    @Test func ordersNumerically() throws {
        let texts = ["-1E125", "-100", "-99.9", "-1", "-0.001", "0", "1E-130", "0.001", "0.5", "1", "2", "9.99", "10", "1E2", "1E125"]
        let numbers = try texts.map { try DynamoNumber(parsing: $0) }
        for (index, number) in numbers.enumerated().dropFirst() {
            #expect(numbers[index - 1] <= number, "\(texts[index - 1]) <= \(texts[index])")
        }
        #expect(try DynamoNumber(parsing: "10") == DynamoNumber(parsing: "1E1"))
        #expect(try numbers.shuffled().sorted() == numbers)
    }

    @Test(arguments: [
        ("1", "2", "3"), ("0.1", "0.2", "0.3"), ("-5", "3", "-2"), ("5", "-5", "0"), ("999", "1", "1000"),
        ("1E10", "-1", "9999999999"), ("-0.5", "-0.25", "-0.75"), ("1.5", "-2.25", "-0.75"),
    ])
    func addsExactly(left: String, right: String, sum: String) throws {
        #expect(try DynamoNumber(parsing: left).adding(DynamoNumber(parsing: right)).text == sum)
    }

    @Test func sumsBeyondTheLimitsAreRefused() throws {
        let big = try DynamoNumber(parsing: "9.9999999999999999999999999999999999999E+125")
        #expect(throws: ItemError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range")) {
            try big.adding(big)
        }
        #expect(throws: ItemError.validation("Attempting to store more than 38 significant digits in a Number")) {
            try DynamoNumber(parsing: "1E30").adding(DynamoNumber(parsing: "1E-30"))
        }
        #expect(try DynamoNumber(parsing: "10").subtracting(DynamoNumber(parsing: "0.5")).text == "9.5")
    }
}
