/// One data message the simulator sends on a path: its JSON bytes and the ticker it is about.
struct SimMessage: Sendable, Equatable {
    /// The message as one text frame carries it.
    var bytes: [UInt8]
    /// The ticker a `tickers` filter matches (upper-cased), nil when the message names none.
    var ticker: String?
}
