import Testing
@testable import WebSocket

/// Base64 against RFC 4648's test vectors, and strict decoding.
struct Base64Tests {
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test func encodesAndDecodesTheRFC4648Vectors() {
        for (plain, encoded) in Self.vectors {
            #expect(Base64.encode(bytes(plain)) == encoded)
            #expect(Base64.decode(encoded) == bytes(plain))
        }
    }

    @Test func roundTripsEveryByteValue() {
        let all = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(all)) == all)
    }

    @Test(arguments: ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zh==", "Zm9=v", "Zm9v!A==", "Zm 9v"])
    func refusesMalformedText(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
