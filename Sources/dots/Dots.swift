import ArgumentParser

/// The `dots` command line: each subcommand parses its options and calls DotsApp.
@main
struct Dots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dots",
        abstract: "Dots joins the dots on child exploitation across a safeguarding partnership.",
        subcommands: [
            DemoCommand.self, SynthCommand.self, PrepareCommand.self, ReturnsCommand.self, IngestCommand.self, LinkCommand.self, ReviewCommand.self,
            SubmissionsCommand.self,
            FrameworkCommand.self, ServeCommand.self, UserCommand.self, TokenCommand.self, MigrateCommand.self, SchemaCommand.self, PartnershipCommand.self,
            KeyCommand.self, MaturityCommand.self, DataMapCommand.self, ActionsCommand.self, ReportCommand.self, VoiceCommand.self, AuditCommand.self,
            GeographyCommand.self,
        ])
}
