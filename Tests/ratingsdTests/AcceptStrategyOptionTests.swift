import ArgumentParser
import HTTPServer
import Testing
@testable import ratingsd

/// `--accept` and `--max-loop-imbalance`: names, defaults and refusals.
struct AcceptStrategyOptionTests {
    @Test func theDefaultIsTheSharedListenerWithTheServersImbalanceAllowance() throws {
        let command = try Ratingsd.parse([])
        #expect(command.accept == .sharedListener)
        #expect(command.maxLoopImbalance == HTTPServerConfiguration().maxLoopImbalance)
    }

    @Test func bothStrategiesAreNamedInAnyLetterCase() throws {
        #expect(try Ratingsd.parse(["--accept", "reuse-port"]).accept == .reusePort)
        #expect(try Ratingsd.parse(["--accept", "Shared"]).accept == .sharedListener)
        #expect(try Ratingsd.parse(["--max-loop-imbalance", "0"]).maxLoopImbalance == 0)
    }

    @Test func anUnknownStrategyOrANegativeAllowanceIsRefusedByName() {
        #expect(RatingsdTests.failure(["--accept", "round-robin"])?.contains("--accept") == true)
        #expect(RatingsdTests.failure(["--max-loop-imbalance", "-1"])?.contains("--max-loop-imbalance") == true)
    }
}
