import Testing
@testable import ServiceMetrics

/// The text format, line by line.
@Suite struct PrometheusExpositionTests {
    private func text(_ exposition: PrometheusExposition) -> String {
        String(decoding: exposition.bytes, as: UTF8.self)
    }

    @Test func familyAndSamplesAreExactLines() {
        var exposition = PrometheusExposition()
        exposition.family("ratingsd_x_total", .counter, help: "Things counted.")
        exposition.sample("ratingsd_x_total", [("source", "ratings")], 42)
        exposition.sample("ratingsd_x_total", [("source", "insights"), ("feed", "a")], 0)
        exposition.family("ratingsd_up", .gauge, help: "Up.")
        exposition.sample("ratingsd_up", 1)
        #expect(text(exposition) == """
            # HELP ratingsd_x_total Things counted.
            # TYPE ratingsd_x_total counter
            ratingsd_x_total{source="ratings"} 42
            ratingsd_x_total{source="insights",feed="a"} 0
            # HELP ratingsd_up Up.
            # TYPE ratingsd_up gauge
            ratingsd_up 1

            """)
    }

    @Test func labelValuesEscapeBackslashQuoteAndLineFeed() {
        var exposition = PrometheusExposition()
        exposition.sample("m", [("feed", "a\\b\"c\nd")], 1)
        #expect(text(exposition) == #"m{feed="a\\b\"c\nd"} 1"# + "\n")
    }

    @Test func helpEscapesBackslashAndLineFeedButNotQuotes() {
        var exposition = PrometheusExposition()
        exposition.family("m", .gauge, help: "a \\ \"b\"\nc")
        #expect(text(exposition) == "# HELP m a \\\\ \"b\"\\nc\n# TYPE m gauge\n")
    }

    @Test func nanosecondsAreWrittenAsExactDecimalSeconds() {
        #expect(PrometheusExposition.seconds(nanoseconds: 0) == "0")
        #expect(PrometheusExposition.seconds(nanoseconds: 25_000) == "0.000025")
        #expect(PrometheusExposition.seconds(nanoseconds: 2_500_000) == "0.0025")
        #expect(PrometheusExposition.seconds(nanoseconds: 1) == "0.000000001")
        #expect(PrometheusExposition.seconds(nanoseconds: 12_000_000_000) == "12")
        #expect(PrometheusExposition.seconds(nanoseconds: 1_728_000_000_500_000_000) == "1728000000.5")
        #expect(PrometheusExposition.seconds(nanoseconds: -1_500_000_000) == "-1.5")
    }

    @Test func floatingPointValuesUseThePrometheusSpellings() {
        #expect(PrometheusExposition.text(of: .infinity) == "+Inf")
        #expect(PrometheusExposition.text(of: -.infinity) == "-Inf")
        #expect(PrometheusExposition.text(of: .nan) == "NaN")
        #expect(PrometheusExposition.text(of: 3) == "3")
        #expect(PrometheusExposition.text(of: 0.25) == "0.25")
        var exposition = PrometheusExposition()
        exposition.sample("m", 0.5)
        #expect(text(exposition) == "m 0.5\n")
    }

    @Test func histogramBucketsAreCumulativeWithInfSumAndCount() {
        var exposition = PrometheusExposition()
        let snapshot = HistogramSnapshot(bucketCounts: [2, 0, 3, 1], sumNanoseconds: 1_250_000)
        exposition.histogram(
            "d_seconds", [("route", "/x")], bounds: [100_000, 250_000, 1_000_000], snapshot: snapshot)
        #expect(text(exposition) == """
            d_seconds_bucket{route="/x",le="0.0001"} 2
            d_seconds_bucket{route="/x",le="0.00025"} 2
            d_seconds_bucket{route="/x",le="0.001"} 5
            d_seconds_bucket{route="/x",le="+Inf"} 6
            d_seconds_sum{route="/x"} 0.00125
            d_seconds_count{route="/x"} 6

            """)
    }
}
