extension Citation: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        self.init(ref: try DocumentRef(binary: decoder),
                  text: try decoder.decode(String.self),
                  typeWord: try decoder.decodeOptional { try decoder.decode(String.self) },
                  date: try decoder.decodeOptional { try CalendarDate(binary: decoder) },
                  issuerPhrase: try decoder.decodeOptional { try decoder.decode(String.self) },
                  subject: try decoder.decodeOptional { try decoder.decode(String.self) },
                  carriesOut: try decoder.decodeArray { try DocumentNumber(binary: decoder) },
                  line: try decoder.decode(Int.self),
                  taskIndex: try decoder.decodeOptional { try decoder.decode(Int.self) })
    }

    func encode(binary encoder: BinaryEncoder) throws {
        try ref.encode(binary: encoder)
        encoder.encode(text)
        encoder.encodeOptional(typeWord) { encoder.encode($0) }
        try encoder.encodeOptional(date) { try $0.encode(binary: encoder) }
        encoder.encodeOptional(issuerPhrase) { encoder.encode($0) }
        encoder.encodeOptional(subject) { encoder.encode($0) }
        try encoder.encodeArray(carriesOut) { try $0.encode(binary: encoder) }
        encoder.encode(line)
        encoder.encodeOptional(taskIndex) { encoder.encode($0) }
    }
}

extension DocumentRef: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        self.init(number: try DocumentNumber(binary: decoder), citingProvince: nil)
        // Set as stored, whatever `init(number:citingProvince:)` would make of it.
        province = try decoder.decodeOptional { try decoder.decode(String.self) }
    }

    func encode(binary encoder: BinaryEncoder) throws {
        try number.encode(binary: encoder)
        encoder.encodeOptional(province) { encoder.encode($0) }
    }
}

extension DocumentNumber: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        guard let shape = Shape(rawValue: try decoder.decode(String.self)) else { throw decoder.corrupted("unknown number shape") }
        self.init(shape: shape, serial: try decoder.decode(Int.self), year: try decoder.decodeOptional { try decoder.decode(Int.self) },
                  type: try decoder.decode(String.self), issuer: try decoder.decode(String.self))
    }

    func encode(binary encoder: BinaryEncoder) throws {
        encoder.encode(shape.rawValue)
        encoder.encode(serial)
        encoder.encodeOptional(year) { encoder.encode($0) }
        encoder.encode(type)
        encoder.encode(issuer)
    }
}

extension CalendarDate: BinaryCodable {
    init(binary decoder: BinaryDecoder) throws {
        guard let date = CalendarDate(year: try decoder.decode(Int.self), month: try decoder.decode(Int.self), day: try decoder.decode(Int.self))
        else { throw decoder.corrupted("impossible date") }
        self = date
    }

    func encode(binary encoder: BinaryEncoder) throws {
        encoder.encode(year)
        encoder.encode(month)
        encoder.encode(day)
    }
}
