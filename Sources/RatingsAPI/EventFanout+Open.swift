import HTTPServer
import LiveState

/// Starting one stream: `retry:`, the replay of what a resuming client missed (or `reset`),
/// the consensus snapshot when asked, then the subscription to live events.
extension EventFanout {
    /// Runs in the stream's `onOpen` on its event loop. The starting point `start` is read
    /// before anything is written and the subscription only skips events up to it, so events
    /// applied meanwhile arrive live exactly once: nothing the loop could deliver to this
    /// stream is processed before `onOpen` returns.
    func open(_ writer: HTTPStreamWriter, request: EventStreamRequest) {
        var output = retryBytes
        let filter = request.filter
        let wantsSnapshot = request.snapshot && filter.families.contains(.consensus)
        let snapshot = wantsSnapshot ? store.consensusSnapshot(tickers: filter.tickers) : nil
        var start = snapshot?.sequence ?? store.events.lastSequence
        if let lastSeen = request.lastEventID {
            switch store.events.replay(after: lastSeen, through: start) {
            case .events(let events, let last):
                start = last
                if !appendReplay(events, filter: filter, to: &output) {
                    appendReset(reason: "too_many", oldest: store.events.oldestSequence, last: last, to: &output)
                }
            case .gap(let oldest, let last):
                start = last
                appendReset(reason: lastSeen > last ? "unknown_id" : "expired", oldest: oldest, last: last, to: &output)
            }
        }
        if let snapshot {
            // Ids carry the sequence the snapshot is current at: resuming from it misses nothing.
            let id = String(snapshot.sequence)
            let bytes = snapshot.documents.reduce(0) { $0 + $1.count + 40 + id.utf8.count }
            if bytes > configuration.maxReplayBytes {
                appendReset(reason: "too_many", oldest: store.events.oldestSequence, last: snapshot.sequence, to: &output)
            } else {
                for document in snapshot.documents {
                    EventStreamEncoder.appendEvent(id: id, event: StoreEventKind.consensus.rawValue, data: document, to: &output)
                }
            }
        }
        writer.write(output)
        let subscriber = EventSubscriber(filter: filter, lastSent: start)
        writer.onClose { [self] reason in
            release()
            switch reason {
            case .outputBufferOverflow:
                onSlowClient(subscriber.lastSent, reason)
            case .sendTimeout:
                stalled.add(1, ordering: .relaxed)
                onSlowClient(subscriber.lastSent, reason)
            case .closedByApplication, .clientDisconnected, .serverShutdown:
                break
            }
        }
        writer.subscribe(subscriber)
    }

    /// Appends the matching events; false (and nothing appended) when they exceed
    /// `maxReplayBytes`.
    private func appendReplay(_ events: [StoreEvent], filter: EventFilter, to output: inout [UInt8]) -> Bool {
        var bytes = 0
        for event in events where filter.matches(event) { bytes += event.encodedCount }
        guard bytes <= configuration.maxReplayBytes else { return false }
        output.reserveCapacity(output.count + bytes)
        for event in events where filter.matches(event) { event.append(to: &output) }
        return true
    }

    /// `event: reset` with `{"reason":…,"oldest_id":…,"last_id":…}`, carrying id `last` so the
    /// client, once it has refetched the JSON snapshot, continues from there.
    private func appendReset(reason: String, oldest: UInt64?, last: UInt64, to output: inout [UInt8]) {
        var json = JSONWriter(capacity: 96)
        json.raw("{\"reason\":"); json.string(reason)
        json.raw(",\"oldest_id\":"); json.integer(oldest)
        json.raw(",\"last_id\":"); json.integer(last)
        json.byte(UInt8(ascii: "}"))
        EventStreamEncoder.appendEvent(id: String(last), event: "reset", data: json.bytes, to: &output)
    }
}
