/// Values built from the tape: whole trees for `JSONParser`, and numbers for readers.
extension JSONTapeView {
    /// The value at `index` (with everything inside it) as a `JSONValue`. Iterative, so the
    /// depth of the document costs no stack; member names found in `knownKeys` are reused.
    public func value(_ index: Int, trimming: Bool, knownKeys: JSONKeyTable = .empty) -> JSONValue {
        var stack: [(index: Int, elements: [JSONValue], members: [JSONMember])] = []
        var current = index
        while true {
            var value: JSONValue
            switch entries[current].kind {
            case .null: value = .null
            case .false: value = .bool(false)
            case .true: value = .bool(true)
            case .number: value = .number(JSONNumber(literal: string(current, trimming: false)))
            case .string: value = .string(string(current, trimming: trimming))
            case .array, .object:
                if entries[current].next > current + 1 {
                    stack.append((current, [], []))
                    current += 1
                    continue
                }
                value = entries[current].kind == .array ? .array([]) : .object(JSONObject())
            }
            // Attach to the innermost open container; close every container this value ends.
            var valueIndex = current
            while let top = stack.indices.last {
                if entries[stack[top].index].kind == .object {
                    stack[top].members.append(JSONMember(key: key(valueIndex, knownKeys), keyHash: entries[valueIndex].keyHash, value: value))
                } else {
                    stack[top].elements.append(value)
                }
                let after = entries[valueIndex].next
                guard after == entries[stack[top].index].next else { break }
                let frame = stack.removeLast()
                value = entries[frame.index].kind == .object ? .object(JSONObject(members: frame.members)) : .array(frame.elements)
                valueIndex = frame.index
            }
            if stack.isEmpty { return value }
            current = entries[valueIndex].next
        }
    }

    /// The number at `index` as a double (infinite beyond the double range, like `1e999`);
    /// nil for other kinds.
    public func double(_ index: Int) -> Double? {
        guard entries[index].kind == .number else { return nil }
        return DecimalText.double(bytes(index))
    }

    /// The number at `index` as an integer when its literal is a plain integer that fits in 64
    /// bits (`JSONNumber.int64`); nil otherwise.
    public func int64(_ index: Int) -> Int64? {
        guard entries[index].kind == .number else { return nil }
        return DecimalText.int64(bytes(index))
    }

    private func key(_ index: Int, _ knownKeys: JSONKeyTable) -> String {
        let bytes = keyBytes(index)
        return knownKeys.name(hash: entries[index].keyHash, bytes: bytes) ?? String(decoding: bytes, as: UTF8.self)
    }
}
