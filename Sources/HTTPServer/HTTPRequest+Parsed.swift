extension HTTPRequest {
    /// Builds the value a responder sees from a parsed head and the buffer it was parsed from,
    /// filling `headers` (an emptied list whose storage the loop recycles).
    ///
    /// Strings of up to 15 UTF-8 bytes are stored inline by Swift, so a typical short path and
    /// the `Host` field allocate nothing; the method of a common request is a shared constant.
    init(head: HTTPRequestHead, base: UnsafePointer<UInt8>, headers spans: UnsafeMutableBufferPointer<HTTPHeaderSpan>, reusing headers: consuming HTTPHeaders, loop: Int) {
        let method = Self.method(base + head.method.lower, count: head.method.count)
        let target = Self.string(base, head.target)
        let path: String
        let query: String?
        if let mark = head.queryMark {
            path = Self.string(base, ByteRange(lower: head.target.lower, upper: mark))
            query = Self.string(base, ByteRange(lower: mark + 1, upper: head.target.upper))
        } else {
            path = target
            query = nil
        }
        headers.removeAll()
        for k in 0..<head.headerCount {
            headers.add(name: Self.string(base, spans[k].name), value: Self.string(base, spans[k].value))
        }
        self.init(method: method, target: target, path: path, query: query, version: head.version, headers: headers, loop: loop)
    }

    /// Every stored property at once, with the target already split (no second scan).
    init(method: HTTPMethod, target: String, path: String, query: String?, version: HTTPVersion, headers: HTTPHeaders, loop: Int) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = []
        self.loop = loop
    }

    @inline(__always)
    private static func string(_ base: UnsafePointer<UInt8>, _ range: ByteRange) -> String {
        // Header values may hold obs-text that is not UTF-8; decoding replaces it with U+FFFD.
        String(decoding: UnsafeBufferPointer(start: base + range.lower, count: range.count), as: UTF8.self)
    }

    private static func method(_ bytes: UnsafePointer<UInt8>, count: Int) -> HTTPMethod {
        switch count {
        case 3 where HTTPByteClass.equalsExactly(bytes, count: 3, "GET"): return .get
        case 4 where HTTPByteClass.equalsExactly(bytes, count: 4, "HEAD"): return .head
        case 4 where HTTPByteClass.equalsExactly(bytes, count: 4, "POST"): return .post
        case 3 where HTTPByteClass.equalsExactly(bytes, count: 3, "PUT"): return .put
        case 5 where HTTPByteClass.equalsExactly(bytes, count: 5, "PATCH"): return .patch
        case 6 where HTTPByteClass.equalsExactly(bytes, count: 6, "DELETE"): return .delete
        case 7 where HTTPByteClass.equalsExactly(bytes, count: 7, "OPTIONS"): return .options
        default: return HTTPMethod(rawValue: String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }
}
