import Foundation

/// The opaque form of a cursor: base64url (no padding) of `v1`, date, time, updated and id
/// joined by newlines, a byte no field can hold once decoded.
extension PageCursor {
    /// The token to hand to clients as `next_cursor`.
    public var token: String {
        let plain = ["v1", date, time, String(updatedMilliseconds), id].joined(separator: "\n")
        return Data(plain.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a token made by `token`; nil for anything else (the API answers 400).
    public init?(token: String) {
        guard !token.isEmpty, token.utf8.count <= 1024 else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == "v1", let updated = Int64(parts[3]), !parts[4].isEmpty else {
            return nil
        }
        self.init(date: parts[1], time: parts[2], updatedMilliseconds: updated, id: parts[4])
    }
}
