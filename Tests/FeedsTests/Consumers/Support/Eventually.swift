import Glibc

/// Whether `condition` becomes true within `limit`, checked every 2 ms: for state reached on
/// another thread that offers no notification (the store, a consumer's status).
func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
    let end = ContinuousClock.now + limit
    while ContinuousClock.now < end {
        if condition() { return true }
        usleep(2_000)
    }
    return condition()
}
