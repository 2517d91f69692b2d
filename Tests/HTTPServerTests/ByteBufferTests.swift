import Testing
@testable import HTTPServer

@Suite struct ByteBufferTests {
    func text(_ buffer: ByteBuffer) -> String {
        String(decoding: UnsafeRawBufferPointer(start: buffer.readPointer, count: buffer.count), as: UTF8.self)
    }

    @Test func appendsNumbersAndKeepsUnconsumedBytesAcrossGrowth() {
        let buffer = ByteBuffer()
        buffer.append("n=")
        buffer.append(decimal: 0)
        buffer.append(byte: 0x2C)
        buffer.append(decimal: Int.max)
        buffer.append(byte: 0x2C)
        buffer.append(hexadecimal: 0x1F40)
        #expect(text(buffer) == "n=0,9223372036854775807,1f40")
        buffer.consume(2)
        buffer.append([UInt8](repeating: 0x7A, count: 5000))
        #expect(buffer.count == 26 + 5000)
        #expect(text(buffer).hasPrefix("0,9223"))
        buffer.consume(buffer.count)
        #expect(buffer.isEmpty)
    }
}
