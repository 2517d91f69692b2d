// swift-tools-version:6.0
import PackageDescription

/// ratingsd: live analyst ratings, consensus and insights over HTTP.
/// Modules depend only on those below them: HTTPServer, WebSocket, LiveState and ServiceMetrics on nothing
/// of ours, Feeds on LiveState and WebSocket, RatingsAPI on HTTPServer, LiveState and ServiceMetrics,
/// `ratingsd` wires them together.
let package = Package(
    name: "ratingsd",
    products: [
        .executable(name: "ratingsd", targets: ["ratingsd"]),
        .executable(name: "upstream-sim", targets: ["upstream-sim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(name: "CHTTPSystem"),
        .target(
            name: "HTTPServer",
            dependencies: ["CHTTPSystem", .product(name: "Logging", package: "swift-log")]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "WebSocket", dependencies: ["CCurl"]),
        .target(name: "LiveState"),
        .target(
            name: "Feeds",
            dependencies: ["LiveState", "WebSocket", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ServiceMetrics",
            dependencies: [
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // The dashboard page is embedded into ratingsd by the EmbedResources plugin, not compiled here.
        .target(name: "RatingsAPI", dependencies: ["HTTPServer", "LiveState", "ServiceMetrics"], exclude: ["Dashboard"]),
        .executableTarget(
            name: "ratingsd",
            dependencies: [
                "HTTPServer", "LiveState", "Feeds", "RatingsAPI", "ServiceMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "upstream-sim",
            dependencies: [
                "HTTPServer", "WebSocket", "Feeds", "LiveState",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(name: "resource-embedder"),
        // The GET /events load client of scripts/bench-sse.sh: epoll, one thread, no dependencies.
        .executableTarget(name: "sse-load", dependencies: ["CHTTPSystem"]),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["resource-embedder"],
            path: "Sources/EmbedResources"
        ),
        // Helpers shared by the test targets (loopback sockets, a seeded generator, a loopback
        // WebSocket server and peer); no product depends on them.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "WebSocketTestSupport", dependencies: ["WebSocket", "TestSupport"], path: "Tests/WebSocketTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "WebSocketTests", dependencies: ["WebSocket", "WebSocketTestSupport", "TestSupport"]),
        .testTarget(name: "LiveStateTests", dependencies: ["LiveState"]),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds", "LiveState", "WebSocket", "WebSocketTestSupport", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "ServiceMetricsTests", dependencies: ["ServiceMetrics"]),
        .testTarget(name: "RatingsAPITests", dependencies: ["RatingsAPI", "HTTPServer", "LiveState", "Feeds", "ServiceMetrics", "TestSupport"]),
        .testTarget(name: "ratingsdTests", dependencies: ["ratingsd"]),
        .testTarget(name: "upstream-simTests", dependencies: ["upstream-sim"]),
        .testTarget(name: "IntegrationTests", dependencies: ["ratingsd", "upstream-sim", "WebSocket", "Feeds", "LiveState", "TestSupport", "WebSocketTestSupport"]),
    ]
)
