extension PlanTask: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        let id = try decoder.decode(String.self), planSlug = try decoder.decode(String.self)
        let outline = try decoder.decode(String.self), title = try decoder.decode(String.self)
        let text = try decoder.decode(String.self)
        var agencies: [AgencyRole: [String]] = [:]
        for _ in 0..<(try decoder.decodeCount()) {
            guard let role = AgencyRole(rawValue: try decoder.decode(String.self)) else { throw decoder.corrupted("unknown role") }
            agencies[role] = try decoder.decodeArray { try decoder.decode(String.self) }
        }
        let deadlines = try decoder.decodeArray { try Deadline(binary: decoder) }
        self.init(id: id, planSlug: planSlug, outline: outline, title: title, text: text,
                  agencies: agencies, deadlines: deadlines, line: try decoder.decode(Int.self))
    }

    func encode(binary encoder: BinaryEncoder) throws {
        for field in [id, planSlug, outline, title, text] { encoder.encode(field) }
        try encoder.encodeCount(agencies.count)
        for (role, names) in agencies {
            encoder.encode(role.rawValue)
            try encoder.encodeArray(names) { encoder.encode($0) }
        }
        try encoder.encodeArray(deadlines) { try $0.encode(binary: encoder) }
        encoder.encode(line)
    }
}

extension Deadline: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        let text = try decoder.decode(String.self)
        guard let kind = Kind(rawValue: try decoder.decode(String.self)) else { throw decoder.corrupted("unknown deadline kind") }
        let due = try decoder.decodeOptional { try CalendarDate(binary: decoder) }
        let everyYear = try decoder.decodeOptional { MonthDay(month: try decoder.decode(Int.self), day: try decoder.decode(Int.self)) }
        self.init(text: text, kind: kind, due: due, everyYear: everyYear, documents: try decoder.decodeArray { try decoder.decode(String.self) })
    }

    func encode(binary encoder: BinaryEncoder) throws {
        encoder.encode(text)
        encoder.encode(kind.rawValue)
        try encoder.encodeOptional(due) { try $0.encode(binary: encoder) }
        encoder.encodeOptional(everyYear) {
            encoder.encode($0.month)
            encoder.encode($0.day)
        }
        try encoder.encodeArray(documents) { encoder.encode($0) }
    }
}
