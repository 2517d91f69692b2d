import PackagePlugin

/// Embeds the recorded Fixtures, the OpenAPI document and the dashboard page into the target
/// that uses this plugin, as `EmbeddedResources.ratingsFixture` and friends, rebuilt whenever
/// one of the files changes.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let files: [(name: String, path: String)] = [
            ("ratingsFixture", "Fixtures/ratings.jsonl"),
            ("consensusFixture", "Fixtures/consensus.jsonl"),
            ("insightsFixture", "Fixtures/insights.jsonl"),
            ("openAPIDocument", "openapi/openapi.yaml"),
            ("dashboardPage", "Sources/RatingsAPI/Dashboard/dashboard.html"),
        ]
        let inputs = files.map { root.appending(path: $0.path) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        let arguments = [output.path, "EmbeddedResources"]
            + zip(files, inputs).map { "\($0.0.name)=\($0.1.path)" }
        return [
            .buildCommand(
                displayName: "Embedding Fixtures, openapi.yaml and dashboard.html into \(target.name)",
                executable: try context.tool(named: "resource-embedder").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
