import Testing
@testable import ratingsd

@Suite struct EnvironmentOverlayTests {
    let overlay = EnvironmentOverlay(optionNames: ["port", "max-connections", "cors-origin"])

    @Test func variableNameIsPrefixedUpperSnakeCase() {
        #expect(overlay.variableName(for: "max-connections") == "RATINGSD_MAX_CONNECTIONS")
        #expect(overlay.variableName(for: "port") == "RATINGSD_PORT")
    }

    @Test func environmentFillsOptionsAbsentFromTheCommandLine() {
        let merged = overlay.arguments(["--port", "9000"], environment: ["RATINGSD_MAX_CONNECTIONS": "12"])
        #expect(merged == ["--port", "9000", "--max-connections", "12"])
    }

    @Test func commandLineWinsOverEnvironmentInBothSpellings() {
        let environment = ["RATINGSD_PORT": "1", "RATINGSD_CORS_ORIGIN": "https://a.example"]
        #expect(overlay.arguments(["--port", "2"], environment: environment) == ["--port", "2", "--cors-origin", "https://a.example"])
        #expect(overlay.arguments(["--port=3"], environment: environment) == ["--port=3", "--cors-origin", "https://a.example"])
    }

    @Test func emptyAndUnrelatedVariablesAreIgnored() {
        let merged = overlay.arguments([], environment: ["RATINGSD_PORT": "", "PORT": "80", "RATINGSD_OTHER": "x"])
        #expect(merged.isEmpty)
    }

    @Test func optionNamePrefixOfAnotherIsNotMistakenForIt() {
        let overlay = EnvironmentOverlay(optionNames: ["max", "max-connections"])
        let merged = overlay.arguments(["--max-connections", "5"], environment: ["RATINGSD_MAX": "7"])
        #expect(merged == ["--max-connections", "5", "--max", "7"])
    }
}

/// Flags take no value: their variable switches them on or leaves them off.
@Suite struct EnvironmentOverlayFlagTests {
    let overlay = EnvironmentOverlay(optionNames: ["port"], flagNames: ["consensus-simplify"])

    @Test(arguments: ["1", "true", "TRUE", "yes", "on"])
    func aTruthyVariableAddsTheBareFlag(value: String) {
        #expect(overlay.arguments([], environment: ["RATINGSD_CONSENSUS_SIMPLIFY": value]) == ["--consensus-simplify"])
    }

    @Test(arguments: ["", "0", "false", "no", "off", "maybe"])
    func anyOtherValueLeavesTheFlagOff(value: String) {
        #expect(overlay.arguments([], environment: ["RATINGSD_CONSENSUS_SIMPLIFY": value]).isEmpty)
    }

    @Test func aFlagOnTheCommandLineIsNotRepeated() {
        let merged = overlay.arguments(["--consensus-simplify"], environment: ["RATINGSD_CONSENSUS_SIMPLIFY": "1"])
        #expect(merged == ["--consensus-simplify"])
    }
}
